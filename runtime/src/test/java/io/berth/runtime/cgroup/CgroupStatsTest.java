package io.berth.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both hierarchies read from fake cgroupfs trees: v1 is also tested for real by the integration tests. */
class CgroupStatsTest {
  @TempDir Path root;

  private void write(String path, String content) throws Exception {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void v1_readsEachController() throws Exception {
    write("cpuacct/berth/c1/cpuacct.usage", "1500000000\n");
    write("cpuacct/berth/c1/cpuacct.usage_percpu", "1000000000 500000000 \n");
    write("cpuacct/berth/c1/cpuacct.stat", "user 120\nsystem 30\n");
    write("memory/berth/c1/memory.usage_in_bytes", "10485760\n");
    write("memory/berth/c1/memory.max_usage_in_bytes", "20971520\n");
    write("memory/berth/c1/memory.limit_in_bytes", "9223372036854771712\n");
    write("memory/berth/c1/memory.stat", "cache 4096\ntotal_inactive_file 8192\n");
    write("pids/berth/c1/pids.current", "3\n");
    write("pids/berth/c1/pids.max", "max\n");
    write("blkio/berth/c1/blkio.throttle.io_service_bytes", "8:0 Read 4096\n8:0 Write 8192\nTotal 12288\n");

    var s = CgroupStats.forHost(root).sample("c1");

    assertThat(s.cpuTotalNs()).isEqualTo(1_500_000_000L);
    assertThat(s.perCpuNs()).containsExactly(1_000_000_000L, 500_000_000L);
    assertThat(s.cpuUserNs()).isEqualTo(1_200_000_000L);
    assertThat(s.memoryUsage()).isEqualTo(10_485_760L);
    assertThat(s.memoryLimit()).isZero();
    assertThat(s.memoryStat()).containsEntry("total_inactive_file", 8192L);
    assertThat(s.pids()).isEqualTo(3);
    assertThat(s.pidsLimit()).isZero();
    assertThat(s.ioServiceBytes()).containsExactly(new CgroupStats.IoEntry(8, 0, "Read", 4096),
        new CgroupStats.IoEntry(8, 0, "Write", 8192));
  }

  @Test
  void v2_readsTheUnifiedTree() throws Exception {
    write("cgroup.controllers", "cpu memory pids io\n");
    write("berth/c2/cpu.stat", "usage_usec 2000\nuser_usec 1500\nsystem_usec 500\n");
    write("berth/c2/memory.current", "4096\n");
    write("berth/c2/memory.max", "1048576\n");
    write("berth/c2/memory.stat", "inactive_file 1024\n");
    write("berth/c2/pids.current", "2\n");
    write("berth/c2/pids.max", "100\n");
    write("berth/c2/io.stat", "8:0 rbytes=100 wbytes=200 rios=1 wios=2\n");

    var s = CgroupStats.forHost(root).sample("c2");

    assertThat(s.cpuTotalNs()).isEqualTo(2_000_000L);
    assertThat(s.cpuKernelNs()).isEqualTo(500_000L);
    assertThat(s.memoryUsage()).isEqualTo(4096);
    assertThat(s.memoryLimit()).isEqualTo(1_048_576L);
    assertThat(s.memoryStat()).containsEntry("inactive_file", 1024L);
    assertThat(s.pidsLimit()).isEqualTo(100);
    assertThat(s.ioServiceBytes()).containsExactly(new CgroupStats.IoEntry(8, 0, "read", 100),
        new CgroupStats.IoEntry(8, 0, "write", 200));
  }
}
