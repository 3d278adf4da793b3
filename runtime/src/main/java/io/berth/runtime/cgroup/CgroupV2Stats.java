package io.berth.runtime.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** cgroup v2: one unified hierarchy; cpu in microseconds, io per device in key=value pairs. */
final class CgroupV2Stats implements CgroupStats {
  private final Path root;

  CgroupV2Stats(Path root) {
    this.root = root;
  }

  @Override
  public Sample sample(String id) throws IOException {
    Path d = root.resolve("berth").resolve(id);
    Map<String, Long> cpu = CgroupStats.keyValues(d.resolve("cpu.stat"));
    Map<String, Long> memStat = CgroupStats.keyValues(d.resolve("memory.stat"));
    List<IoEntry> io = new ArrayList<>();
    if (Files.exists(d.resolve("io.stat"))) {
      for (String line : Files.readAllLines(d.resolve("io.stat"))) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 2 || !f[0].contains(":")) {
          continue;
        }
        String[] dev = f[0].split(":");
        for (int i = 1; i < f.length; i++) {
          String[] kv = f[i].split("=");
          if (kv.length == 2 && (kv[0].equals("rbytes") || kv[0].equals("wbytes"))) {
            io.add(new IoEntry(Long.parseLong(dev[0]), Long.parseLong(dev[1]), kv[0].equals("rbytes") ? "read" : "write",
                Long.parseLong(kv[1])));
          }
        }
      }
    }
    return new Sample(cpu.getOrDefault("usage_usec", 0L) * 1000, cpu.getOrDefault("user_usec", 0L) * 1000,
        cpu.getOrDefault("system_usec", 0L) * 1000, List.of(), CgroupStats.readLongOr(d.resolve("memory.current"), 0),
        CgroupStats.readLongOr(d.resolve("memory.peak"), 0), CgroupStats.readLongOr(d.resolve("memory.max"), 0), memStat,
        CgroupStats.readLongOr(d.resolve("pids.current"), 0), CgroupStats.readLongOr(d.resolve("pids.max"), 0), io);
  }
}
