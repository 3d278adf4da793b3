package io.berth.runtime.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads what a container's cgroup ({@code /berth/<id>}) has counted. */
public interface CgroupStats {
  /** One reading. Memory and pids limits are 0 when there is none. */
  record Sample(long cpuTotalNs, long cpuUserNs, long cpuKernelNs, List<Long> perCpuNs, long memoryUsage,
      long memoryMaxUsage, long memoryLimit, Map<String, Long> memoryStat, long pids, long pidsLimit,
      List<IoEntry> ioServiceBytes) {}

  /** One line of the block I/O counters: device, operation (Read, Write...), bytes. */
  record IoEntry(long major, long minor, String op, long value) {}

  Sample sample(String containerId) throws IOException;

  /** The reader for this host: the unified hierarchy alone is v2, anything else v1. */
  static CgroupStats forHost(Path root) {
    return Files.exists(root.resolve("cgroup.controllers")) ? new CgroupV2Stats(root) : new CgroupV1Stats(root);
  }

  static long readLong(Path p) throws IOException {
    String s = Files.readString(p).strip();
    return s.equals("max") ? 0 : Long.parseLong(s);
  }

  static long readLongOr(Path p, long fallback) {
    try {
      return Files.exists(p) ? readLong(p) : fallback;
    } catch (IOException | NumberFormatException e) {
      return fallback;
    }
  }

  static Map<String, Long> keyValues(Path p) throws IOException {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    if (!Files.exists(p)) {
      return out;
    }
    for (String line : Files.readAllLines(p)) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2) {
        try {
          out.put(f[0], Long.parseLong(f[1]));
        } catch (NumberFormatException e) {
          // not a counter
        }
      }
    }
    return out;
  }
}
