package io.berth.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Bounded polling for a condition, instead of a fixed sleep followed by an assertion: returns as
 * soon as the condition holds, fails with what was awaited (and the last value or exception seen)
 * when the deadline passes.
 */
final class Wait {
  private static final long POLL_MS = 50;

  private Wait() {}

  /** Waits until {@code condition} is true; an exception from it counts as "not yet". */
  static void until(Duration timeout, Callable<Boolean> condition, String what) {
    value(timeout, condition, Boolean.TRUE::equals, what);
  }

  /**
   * Polls {@code value} until {@code accept} holds for it and returns that value; on timeout fails
   * with the last value seen, so the assertion message says how far off it was.
   */
  static <T> T value(Duration timeout, Callable<T> value, Predicate<? super T> accept, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    Exception lastError = null;
    while (true) {
      try {
        last = value.call();
        lastError = null;
        if (accept.test(last)) {
          return last;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      } catch (Exception e) {
        lastError = e;
      }
      if (System.nanoTime() - deadline >= 0) {
        AssertionError failure = new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for "
            + what + (lastError != null ? "; last error: " + lastError : "; last value: " + last));
        if (lastError != null) {
          failure.initCause(lastError);
        }
        throw failure;
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
