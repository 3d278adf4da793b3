package io.berth.daemon.lifecycle;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The futures clients wait on, per container: its current (or next) run and its removal; and the
 * container locks. Locks are striped so that they never need removing while someone holds one.
 */
public final class Runs {
  /** How one run ended. */
  public record Exit(int code, String error) {}

  /** The futures of a container's current (or next) run. */
  public static final class Run {
    public final CompletableFuture<Exit> exit = new CompletableFuture<>();
    /** Completes when conmon holds the container's stdio (before its process starts). */
    public final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Clients reading this run's output: its log outlives the container until they are done. */
    public final AtomicInteger readers = new AtomicInteger();
  }

  private static final Exit GONE = new Exit(0, "");
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Exit>> removals = new ConcurrentHashMap<>();
  private final ReentrantLock[] locks = new ReentrantLock[64];

  public Runs() {
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  ReentrantLock lock(String id) {
    return locks[Math.floorMod(id.hashCode(), locks.length)];
  }

  /**
   * The run a client of this container waits on. If the container went away meanwhile the run
   * comes back completed, so nobody waits on a future that no one will finish.
   */
  public Run run(String id, BooleanSupplier exists) {
    Run r = runs.computeIfAbsent(id, k -> new Run());
    if (!exists.getAsBoolean()) {
      removed(id, GONE);
    }
    return r;
  }

  public CompletableFuture<Exit> removal(String id, BooleanSupplier exists) {
    CompletableFuture<Exit> f = removals.computeIfAbsent(id, k -> new CompletableFuture<>());
    if (!exists.getAsBoolean()) {
      removed(id, GONE);
    }
    return f;
  }

  /** Ends the current run and makes the next one. */
  void finish(String id, Exit exit) {
    Run old = runs.put(id, new Run());
    if (old != null) {
      old.ready.complete(null);
      old.exit.complete(exit);
    }
  }

  /** The container is gone: every future anyone holds completes, and nothing is kept. */
  void removed(String id, Exit exit) {
    Run old = runs.remove(id);
    if (old != null) {
      old.ready.complete(null);
      old.exit.complete(exit);
    }
    CompletableFuture<Exit> r = removals.remove(id);
    if (r != null) {
      r.complete(exit);
    }
  }
}
