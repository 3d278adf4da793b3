package io.berth.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests on the shared daemon with busybox: each test's containers are removed after it, so the
 * next starts from none.
 */
abstract class BusyboxSuite extends SharedDaemon {
  @BeforeAll
  static void busybox() throws Exception {
    daemon.bootstrapBusybox();
  }

  @AfterEach
  void removeAll() throws Exception {
    String ids = docker("ps", "-aq").out().strip();
    if (!ids.isEmpty()) {
      docker(java.util.stream.Stream.concat(java.util.stream.Stream.of("rm", "-f"), ids.lines()).toArray(String[]::new));
    }
  }

  static Cmd docker(String... args) throws Exception {
    return DockerCliIT.dockerWith(daemon, null, args);
  }
}
