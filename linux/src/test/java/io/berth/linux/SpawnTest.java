package io.berth.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpawnTest {
  @Test
  void spawn_withPipeOnFd3_childWritesThroughIt() {
    int[] p = Fd.pipe();
    int pid;
    try {
      pid = Spawn.spawn(List.of("/bin/sh", "-c", "echo \"$GREETING\" >&3"),
          Map.of("GREETING", "hello", "PATH", "/bin:/usr/bin"), Map.of(3, p[1]));
    } finally {
      Fd.close(p[1]);
    }
    try {
      assertThat(Spawn.waitFor(pid)).isZero();
      assertThat(new String(Fd.readAll(p[0]), StandardCharsets.UTF_8)).isEqualTo("hello\n");
    } finally {
      Fd.close(p[0]);
    }
  }

  @Test
  void spawn_otherDescriptors_areClosedInTheChild() {
    int[] leak = Fd.pipe();
    int[] out = Fd.pipe();
    try {
      int pid = Spawn.spawn(List.of("/bin/sh", "-c", "ls /proc/self/fd >&3"), Map.of(), Map.of(3, out[1]));
      Fd.close(out[1]);
      out[1] = -1;
      assertThat(Spawn.waitFor(pid)).isZero();
      // 0, 1, 2, 3 and the descriptor ls opens to read the directory
      assertThat(new String(Fd.readAll(out[0]), StandardCharsets.UTF_8).lines().count()).isLessThanOrEqualTo(5);
    } finally {
      Fd.close(leak[0]);
      Fd.close(leak[1]);
      Fd.close(out[0]);
      Fd.close(out[1]);
    }
  }

  @Test
  void waitFor_exitCodeAndSignal_asShellsReportThem() {
    assertThat(Spawn.waitFor(Spawn.spawn(List.of("/bin/sh", "-c", "exit 7"), Map.of(), Map.of()))).isEqualTo(7);
    assertThat(Spawn.waitFor(Spawn.spawn(List.of("/bin/sh", "-c", "kill -9 $$"), Map.of(), Map.of())))
        .isEqualTo(137);
  }

  @Test
  void spawn_missingProgram_failsWithErrno() {
    assertThatThrownBy(() -> Spawn.spawn(List.of("/nonexistent/prog"), Map.of(), Map.of()))
        .isInstanceOf(NativeException.class)
        .hasMessageContaining("No such file or directory");
  }

  @Test
  void pipe_writeThenRead_roundTrips() {
    int[] p = Fd.pipe();
    try {
      Fd.write(p[1], "abc".getBytes(StandardCharsets.UTF_8));
      Fd.close(p[1]);
      p[1] = -1;
      assertThat(Fd.readAll(p[0])).containsExactly('a', 'b', 'c');
    } finally {
      Fd.close(p[0]);
      Fd.close(p[1]);
    }
  }
}
