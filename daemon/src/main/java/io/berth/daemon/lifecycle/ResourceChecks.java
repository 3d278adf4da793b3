package io.berth.daemon.lifecycle;

import io.berth.api.model.container.Resources;
import io.berth.common.error.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * dockerd's checks and adjustments of a container's resource limits, in its words, against what
 * this host's cgroups can do: a limit the kernel cannot enforce is dropped with dockerd's warning,
 * never kept as if it held.
 */
public final class ResourceChecks {
  private static final long MIN_MEMORY = 6L << 20;

  /** What the host's cgroups offer (dockerd's sysinfo). */
  public record Host(boolean swapLimit, boolean swappiness, boolean oomKillDisable, int cpus, String cpusetCpus,
      String cpusetMems) {
    /** Read from the cgroup file systems under {@code root}: v1 (one hierarchy per controller) or v2. */
    public static Host detect(Path root) {
      int cpus = Runtime.getRuntime().availableProcessors();
      if (Files.isDirectory(root.resolve("memory"))) {
        Path mem = root.resolve("memory");
        return new Host(Files.exists(mem.resolve("memory.memsw.limit_in_bytes")),
            Files.exists(mem.resolve("memory.swappiness")), Files.exists(mem.resolve("memory.oom_control")), cpus,
            read(root.resolve("cpuset/cpuset.cpus"), "0-" + (cpus - 1)), read(root.resolve("cpuset/cpuset.mems"), "0"));
      }
      // v2: no swappiness, and no way to keep the OOM killer off (dockerd's sysinfo says the same)
      return new Host(true, false, false, cpus, read(root.resolve("cpuset.cpus.effective"), "0-" + (cpus - 1)),
          read(root.resolve("cpuset.mems.effective"), "0"));
    }

    private static String read(Path p, String fallback) {
      try {
        String s = Files.readString(p).strip();
        return s.isEmpty() ? fallback : s;
      } catch (IOException e) {
        return fallback;
      }
    }
  }

  /** The resources as they are to be kept, and dockerd's warnings about what was dropped. */
  public record Checked(Resources resources, List<String> warnings) {}

  private ResourceChecks() {}

  private static volatile Host detected;

  /** This host's, read once. */
  public static Host host() {
    Host h = detected;
    if (h == null) {
      h = Host.detect(Path.of("/sys/fs/cgroup"));
      detected = h;
    }
    return h;
  }

  /** dockerd's verifyPlatformContainerResources; {@code update} allows a swap limit without a memory one. */
  public static Checked check(Resources r, Host host, boolean update) {
    List<String> warnings = new ArrayList<>();
    long memory = r.memory();
    long swap = r.memorySwap();
    Long swappiness = r.memorySwappiness() != null && r.memorySwappiness() == -1 ? null : r.memorySwappiness();
    Boolean oomKillDisable = r.oomKillDisable();
    Long pids = r.pidsLimit();
    if (memory != 0 && memory < MIN_MEMORY) {
      throw new InvalidParameterException("Minimum memory limit allowed is 6MB");
    }
    if (memory > 0 && swap != -1 && !host.swapLimit()) {
      warnings.add("Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory"
          + " limited without swap.");
      swap = -1;
    }
    if (memory > 0 && swap > 0 && swap < memory) {
      throw new InvalidParameterException("Minimum memoryswap limit should be larger than memory limit, see usage");
    }
    if (memory == 0 && swap > 0 && !update) {
      throw new InvalidParameterException("You should always set the Memory limit when using Memoryswap limit, see usage");
    }
    if (swappiness != null && !host.swappiness()) {
      warnings.add("Your kernel does not support memory swappiness capabilities or the cgroup is not mounted."
          + " Memory swappiness discarded.");
      swappiness = null;
    }
    if (swappiness != null && (swappiness < 0 || swappiness > 100)) {
      throw new InvalidParameterException("Invalid value: " + swappiness + ", valid memory swappiness range is 0-100");
    }
    if (r.memoryReservation() > 0 && r.memoryReservation() < MIN_MEMORY) {
      throw new InvalidParameterException("Minimum memory reservation allowed is 6MB");
    }
    if (memory > 0 && r.memoryReservation() > 0 && memory < r.memoryReservation()) {
      throw new InvalidParameterException("Minimum memory limit can not be less than memory reservation limit, see usage");
    }
    if (oomKillDisable != null && !host.oomKillDisable()) {
      if (oomKillDisable) {
        warnings.add("Your kernel does not support OomKillDisable. OomKillDisable discarded.");
      }
      oomKillDisable = null;
    }
    if (oomKillDisable != null && oomKillDisable && memory == 0) {
      warnings.add("OOM killer is disabled for the container, but no memory limit is set, this can result in the"
          + " system running out of resources.");
    }
    if (r.nanoCpus() > 0 && r.cpuPeriod() > 0) {
      throw new InvalidParameterException("Conflicting options: Nano CPUs and CPU Period cannot both be set");
    }
    if (r.nanoCpus() > 0 && r.cpuQuota() > 0) {
      throw new InvalidParameterException("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    }
    if (r.nanoCpus() != 0 && (r.nanoCpus() < 0 || r.nanoCpus() > host.cpus() * 1_000_000_000L)) {
      throw new InvalidParameterException("range of CPUs is from 0.01 to " + host.cpus() + ".00, as there are only "
          + host.cpus() + " CPUs available");
    }
    if (r.cpuPeriod() != 0 && (r.cpuPeriod() < 1000 || r.cpuPeriod() > 1_000_000)) {
      throw new InvalidParameterException("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s"
          + " (i.e. 1000000)");
    }
    if (r.cpuQuota() > 0 && r.cpuQuota() < 1000) {
      throw new InvalidParameterException("CPU cfs quota can not be less than 1ms (i.e. 1000)");
    }
    checkSet(r.cpusetCpus(), host.cpusetCpus(), "cpus", "Requested CPUs are not available");
    checkSet(r.cpusetMems(), host.cpusetMems(), "mems", "Requested memory nodes are not available");
    Resources kept = r.withLimits(r.cpuShares(), memory, r.nanoCpus(), r.cpuPeriod(), r.cpuQuota(), r.cpusetCpus(),
        r.cpusetMems(), r.memoryReservation(), swap, swappiness, oomKillDisable, pids);
    return new Checked(kept, warnings);
  }

  /** dockerd's adaptContainerSettings for a new container: swap twice the memory unless given, the OOM killer on. */
  public static Resources adaptNew(Resources r) {
    long swap = r.memory() > 0 && r.memorySwap() == 0 ? r.memory() * 2 : r.memorySwap();
    return r.withLimits(r.cpuShares(), r.memory(), r.nanoCpus(), r.cpuPeriod(), r.cpuQuota(), r.cpusetCpus(),
        r.cpusetMems(), r.memoryReservation(), swap, r.memorySwappiness(),
        r.oomKillDisable() == null ? Boolean.FALSE : r.oomKillDisable(), r.pidsLimit());
  }

  private static void checkSet(String asked, String available, String what, String unavailable) {
    if (asked == null || asked.isEmpty()) {
      return;
    }
    TreeSet<Integer> want;
    try {
      want = parseList(asked);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("Invalid value " + asked + " for cpuset " + what + ": invalid format: "
          + asked);
    }
    if (!parseList(available).containsAll(want)) {
      throw new InvalidParameterException(unavailable + " - requested " + asked + ", available: " + available);
    }
  }

  /** A kernel list such as {@code 0-3,5}. */
  static TreeSet<Integer> parseList(String s) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String part : s.split(",", -1)) {
      if (!part.matches("\\d+(-\\d+)?")) {
        throw new IllegalArgumentException(s);
      }
      int dash = part.indexOf('-');
      int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
      int hi = dash < 0 ? lo : Integer.parseInt(part.substring(dash + 1));
      if (hi < lo) {
        throw new IllegalArgumentException(s);
      }
      for (int i = lo; i <= hi; i++) {
        out.add(i);
      }
    }
    return out;
  }
}
