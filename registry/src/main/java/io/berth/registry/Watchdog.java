package io.berth.registry;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes blob streams that received nothing for the stall timeout: the JDK's HTTP client has no
 * read timeout once the headers are in, and a registry that stops sending would otherwise hold a
 * pull forever. Closing makes the blocked read fail, and the blob stream retries.
 */
final class Watchdog {
  /** A stream the watchdog looks after. */
  interface Watched {
    long lastProgressNanos();

    /** Breaks the current connection; the stream's reader sees an error and retries. */
    void abort();
  }

  private final long timeoutNanos;
  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private Thread thread;

  Watchdog(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  synchronized void watch(Watched w) {
    watched.add(w);
    if (thread == null) {
      thread = Thread.ofVirtual().name("registry-watchdog").start(this::run);
    }
  }

  void unwatch(Watched w) {
    watched.remove(w);
  }

  private void run() {
    long tick = Math.max(Duration.ofMillis(100).toNanos(), Math.min(timeoutNanos / 4, Duration.ofSeconds(1).toNanos()));
    while (true) {
      try {
        Thread.sleep(Duration.ofNanos(tick));
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Watched w : watched) {
        if (now - w.lastProgressNanos() > timeoutNanos) {
          w.abort();
        }
      }
    }
  }
}
