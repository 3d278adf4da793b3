package io.berth.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessWatcherTest {
  @Test
  void watch_processEnds_callbackRuns() throws Exception {
    Process p = new ProcessBuilder("sleep", "30").start();
    try (ProcessWatcher w = new ProcessWatcher()) {
      CountDownLatch ended = new CountDownLatch(1);
      assertThat(w.watch(p.pid(), ended::countDown)).isTrue();
      assertThat(ended.await(200, TimeUnit.MILLISECONDS)).isFalse();
      p.destroyForcibly();
      assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void watch_noSuchProcess_false() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    try (ProcessWatcher w = new ProcessWatcher()) {
      assertThat(w.watch(p.pid(), () -> {})).isFalse();
    }
  }
}
