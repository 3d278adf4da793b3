package io.berth.daemon.lifecycle;

import io.berth.daemon.container.Container;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * dockerd's restart manager: whether a run's end starts the container again, and after how long
 * (100 ms, doubling to a minute, back to 100 ms after a run of ten seconds or more), and the
 * pending restarts, which a stop or a removal cancels.
 */
final class RestartPolicies {
  private static final Duration FIRST = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofMinutes(1);

  private final Map<String, Duration> backoff = new ConcurrentHashMap<>();
  private final Map<String, Thread> pending = new ConcurrentHashMap<>();

  /** The delay before a restart, or empty when the policy lets the container stay down. */
  Optional<Duration> decide(Container c, int exitCode, Duration ran) {
    String policy = c.restartPolicy();
    if (policy.equals("no")) {
      return Optional.empty();
    }
    Duration t = ran.toSeconds() >= 10 ? null : backoff.get(c.id());
    t = t == null ? FIRST : t.compareTo(MAX) < 0 ? t.multipliedBy(2) : t;
    if (t.compareTo(MAX) > 0) {
      t = MAX;
    }
    backoff.put(c.id(), t);
    int max = c.hostConfig().restartPolicy() == null ? 0 : c.hostConfig().restartPolicy().maximumRetryCount();
    boolean restart = switch (policy) {
      case "always" -> true;
      case "unless-stopped" -> !c.manuallyStopped();
      case "on-failure" -> (max == 0 || c.restartCount() < max) && exitCode != 0;
      default -> false;
    };
    return restart ? Optional.of(t) : Optional.empty();
  }

  /** Runs {@code restart} after {@code delay} unless cancelled first. */
  void schedule(String id, Duration delay, Runnable restart) {
    Thread t = Thread.ofVirtual().name("restart-" + id).unstarted(() -> {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        return; // cancelled
      }
      pending.remove(id, Thread.currentThread());
      restart.run();
    });
    Thread old = pending.put(id, t);
    if (old != null) {
      old.interrupt();
    }
    t.start();
  }

  /** Cancels a pending restart; true when there was one. */
  boolean cancel(String id) {
    Thread t = pending.remove(id);
    if (t != null) {
      t.interrupt();
    }
    return t != null;
  }

  /** A user's start: the back-off begins again, as dockerd makes a new restart manager. */
  void reset(String id) {
    cancel(id);
    backoff.remove(id);
  }
}
