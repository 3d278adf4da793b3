package io.berth.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real berthd for all tests of a class, on its own roots, removed with everything it made.
 * A subclass's own {@code @BeforeAll} runs after this one, so it can use the daemon.
 */
abstract class SharedDaemon {
  static BerthDaemon daemon;

  @BeforeAll
  static void startDaemon() throws Exception {
    Prerequisites.require();
    daemon = new BerthDaemon();
  }

  @AfterAll
  static void stopDaemon() throws Exception {
    if (daemon != null) {
      daemon.close();
      daemon = null;
    }
  }
}
