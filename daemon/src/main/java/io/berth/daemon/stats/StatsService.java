package io.berth.daemon.stats;

import io.berth.api.server.backend.StatsBackend;
import io.berth.common.error.SystemException;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.runtime.cgroup.CgroupStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readings in dockerd's stats shape: CPU from the container's cgroup against the host's
 * /proc/stat, memory with its counters (the CLI subtracts the inactive file cache), pids, block
 * I/O, and the network counters of the container's own namespace.
 */
public final class StatsService implements StatsBackend {
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private final ContainerStore store;
  private final CgroupStats cgroups;

  public StatsService(ContainerStore store, CgroupStats cgroups) {
    this.store = store;
    this.cgroups = cgroups;
  }

  @Override
  public boolean statsRunning(String ref) {
    Container c = store.find(ref);
    return c.state().running();
  }

  @Override
  public Map<String, Object> containerStats(String ref, Map<String, Object> previous) {
    Container c = store.find(ref);
    Map<String, Object> out = new LinkedHashMap<>();
    if (!(c.state() instanceof ContainerState.Running r)) {
      out.put("read", ZERO_TIME);
      out.put("preread", ZERO_TIME);
      out.put("pids_stats", Map.of());
      out.put("blkio_stats", blkio(List.of()));
      out.put("num_procs", 0);
      out.put("storage_stats", Map.of());
      out.put("cpu_stats", cpu(0, 0, 0, List.of(), 0));
      out.put("precpu_stats", cpu(0, 0, 0, List.of(), 0));
      out.put("memory_stats", Map.of());
      out.put("name", "/" + c.name());
      out.put("id", c.id());
      return out;
    }
    CgroupStats.Sample s;
    try {
      s = cgroups.sample(c.id());
    } catch (IOException e) {
      throw new SystemException("cannot read the cgroup of " + c.id() + ": " + e.getMessage(), e);
    }
    out.put("read", Instant.now().toString());
    out.put("preread", previous == null ? ZERO_TIME : previous.get("read"));
    Map<String, Object> pids = new LinkedHashMap<>();
    pids.put("current", s.pids());
    if (s.pidsLimit() > 0) {
      pids.put("limit", s.pidsLimit());
    }
    out.put("pids_stats", pids);
    out.put("blkio_stats", blkio(s.ioServiceBytes()));
    out.put("num_procs", 0);
    out.put("storage_stats", Map.of());
    out.put("cpu_stats", cpu(s.cpuTotalNs(), s.cpuKernelNs(), s.cpuUserNs(), s.perCpuNs(), hostCpuNs()));
    out.put("precpu_stats", previous == null ? cpu(0, 0, 0, List.of(), 0) : previous.get("cpu_stats"));
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("usage", s.memoryUsage());
    memory.put("max_usage", s.memoryMaxUsage());
    memory.put("stats", s.memoryStat());
    memory.put("limit", s.memoryLimit() > 0 ? s.memoryLimit() : hostMemory());
    out.put("memory_stats", memory);
    out.put("name", "/" + c.name());
    out.put("id", c.id());
    Map<String, Object> nets = networks(r.pid());
    if (!nets.isEmpty()) {
      out.put("networks", nets);
    }
    return out;
  }

  private static Map<String, Object> cpu(long total, long kernel, long user, List<Long> perCpu, long system) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("total_usage", total);
    if (!perCpu.isEmpty()) {
      usage.put("percpu_usage", perCpu);
    }
    usage.put("usage_in_kernelmode", kernel);
    usage.put("usage_in_usermode", user);
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("cpu_usage", usage);
    if (system > 0) {
      cpu.put("system_cpu_usage", system);
      cpu.put("online_cpus", Runtime.getRuntime().availableProcessors());
    }
    cpu.put("throttling_data", Map.of("periods", 0, "throttled_periods", 0, "throttled_time", 0));
    return cpu;
  }

  private static Map<String, Object> blkio(List<CgroupStats.IoEntry> io) {
    Map<String, Object> b = new LinkedHashMap<>();
    List<Map<String, Object>> bytes = new ArrayList<>();
    for (CgroupStats.IoEntry e : io) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("major", e.major());
      m.put("minor", e.minor());
      m.put("op", e.op().toLowerCase(java.util.Locale.ROOT));
      m.put("value", e.value());
      bytes.add(m);
    }
    b.put("io_service_bytes_recursive", io.isEmpty() ? null : bytes);
    for (String k : List.of("io_serviced_recursive", "io_queue_recursive", "io_service_time_recursive",
        "io_wait_time_recursive", "io_merged_recursive", "io_time_recursive", "sectors_recursive")) {
      b.put(k, null);
    }
    return b;
  }

  /** The host's CPU time in nanoseconds, as dockerd reads it: /proc/stat's first line, in USER_HZ ticks. */
  private static long hostCpuNs() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
        if (line.startsWith("cpu ")) {
          long ticks = 0;
          String[] f = line.strip().split("\\s+");
          for (int i = 1; i < f.length && i <= 8; i++) {
            ticks += Long.parseLong(f[i]);
          }
          return ticks * 10_000_000L;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return 0;
  }

  private static long hostMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return 0;
  }

  /** The container's interfaces but loopback, from its own namespace's /proc/net/dev. */
  private static Map<String, Object> networks(long pid) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", "dev"))) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = line.substring(0, colon).strip();
        String[] f = line.substring(colon + 1).strip().split("\\s+");
        if (name.equals("lo") || f.length < 16) {
          continue;
        }
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("rx_bytes", Long.parseLong(f[0]));
        n.put("rx_packets", Long.parseLong(f[1]));
        n.put("rx_errors", Long.parseLong(f[2]));
        n.put("rx_dropped", Long.parseLong(f[3]));
        n.put("tx_bytes", Long.parseLong(f[8]));
        n.put("tx_packets", Long.parseLong(f[9]));
        n.put("tx_errors", Long.parseLong(f[10]));
        n.put("tx_dropped", Long.parseLong(f[11]));
        out.put(name, n);
      }
    } catch (IOException | NumberFormatException e) {
      // gone meanwhile
    }
    return out;
  }
}
