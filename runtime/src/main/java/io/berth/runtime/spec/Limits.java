package io.berth.runtime.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's resource limits as the OCI spec carries them ({@code linux.resources}), which
 * runc writes to the container's cgroup at create and again at {@code runc update}. Zero or null
 * means no limit; {@code memorySwap} -1 is unlimited swap.
 */
public record Limits(long memory, long memoryReservation, long memorySwap, Long swappiness, Boolean disableOomKiller,
    long cpuShares, long cpuQuota, long cpuPeriod, String cpusetCpus, String cpusetMems, Long pidsLimit,
    int oomScoreAdj) {
  public static final Limits NONE = new Limits(0, 0, 0, null, null, 0, 0, 0, "", "", null, 0);

  /** {@code linux.resources.memory}, or null when nothing is limited. */
  public Map<String, Object> memoryResources() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (memory > 0) {
      m.put("limit", memory);
    }
    if (memoryReservation > 0) {
      m.put("reservation", memoryReservation);
    }
    if (memorySwap != 0) {
      m.put("swap", memorySwap);
    }
    if (swappiness != null) {
      m.put("swappiness", swappiness);
    }
    if (disableOomKiller != null && disableOomKiller) {
      m.put("disableOOMKiller", true);
    }
    return m.isEmpty() ? null : m;
  }

  /** {@code linux.resources.cpu}, or null. */
  public Map<String, Object> cpuResources() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (cpuShares > 0) {
      m.put("shares", cpuShares);
    }
    if (cpuQuota != 0) {
      m.put("quota", cpuQuota);
    }
    if (cpuPeriod > 0) {
      m.put("period", cpuPeriod);
    }
    if (cpusetCpus != null && !cpusetCpus.isEmpty()) {
      m.put("cpus", cpusetCpus);
    }
    if (cpusetMems != null && !cpusetMems.isEmpty()) {
      m.put("mems", cpusetMems);
    }
    return m.isEmpty() ? null : m;
  }

  /** {@code linux.resources.pids}, or null: 0 and -1 both mean unlimited, as in dockerd. */
  public Map<String, Object> pidsResources() {
    return pidsLimit != null && pidsLimit > 0 ? Map.of("limit", pidsLimit) : null;
  }
}
