package io.berth.runtime.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** cgroup v1: one hierarchy per controller (cpuacct, memory, pids, blkio). */
final class CgroupV1Stats implements CgroupStats {
  /** A memory limit this high is none: the kernel's "unlimited", rounded down to a page. */
  private static final long UNLIMITED = Long.MAX_VALUE / 4096 * 4096;
  private final Path root;

  CgroupV1Stats(Path root) {
    this.root = root;
  }

  private Path dir(String controller, String id) {
    return root.resolve(controller).resolve("berth").resolve(id);
  }

  @Override
  public Sample sample(String id) throws IOException {
    Path cpu = dir("cpuacct", id);
    List<Long> perCpu = new ArrayList<>();
    if (Files.exists(cpu.resolve("cpuacct.usage_percpu"))) {
      for (String v : Files.readString(cpu.resolve("cpuacct.usage_percpu")).strip().split("\\s+")) {
        if (!v.isEmpty()) {
          perCpu.add(Long.parseLong(v));
        }
      }
    }
    // cpuacct.stat is in USER_HZ ticks
    Map<String, Long> ticks = CgroupStats.keyValues(cpu.resolve("cpuacct.stat"));
    Path mem = dir("memory", id);
    long limit = CgroupStats.readLongOr(mem.resolve("memory.limit_in_bytes"), 0);
    Path pids = dir("pids", id);
    return new Sample(CgroupStats.readLongOr(cpu.resolve("cpuacct.usage"), 0),
        ticks.getOrDefault("user", 0L) * 10_000_000L, ticks.getOrDefault("system", 0L) * 10_000_000L, perCpu,
        CgroupStats.readLongOr(mem.resolve("memory.usage_in_bytes"), 0),
        CgroupStats.readLongOr(mem.resolve("memory.max_usage_in_bytes"), 0), limit >= UNLIMITED ? 0 : limit,
        CgroupStats.keyValues(mem.resolve("memory.stat")), CgroupStats.readLongOr(pids.resolve("pids.current"), 0),
        CgroupStats.readLongOr(pids.resolve("pids.max"), 0), io(dir("blkio", id).resolve("blkio.throttle.io_service_bytes")));
  }

  private static List<IoEntry> io(Path p) throws IOException {
    List<IoEntry> out = new ArrayList<>();
    if (!Files.exists(p)) {
      return out;
    }
    for (String line : Files.readAllLines(p)) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 3 && f[0].contains(":")) {
        String[] dev = f[0].split(":");
        out.add(new IoEntry(Long.parseLong(dev[0]), Long.parseLong(dev[1]), f[1], Long.parseLong(f[2])));
      }
    }
    return out;
  }
}
