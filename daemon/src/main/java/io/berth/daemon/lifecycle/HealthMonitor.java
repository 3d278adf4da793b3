package io.berth.daemon.lifecycle;

import io.berth.api.model.image.ImageInspect.HealthConfig;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerHealth;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.events.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * dockerd's health monitor: while a health-checked container runs, its test is run as an exec
 * session every interval (every start interval while it is still starting), and its status moves
 * from {@code starting} to {@code healthy} or, after {@code retries} failures in a row outside
 * the start period, {@code unhealthy}; each change is a {@code health_status} event. The health is
 * kept in the container's record, so that a restarted berthd shows it and probes on.
 */
public final class HealthMonitor {
  private static final System.Logger LOG = System.getLogger("berth.health");
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration START_INTERVAL = Duration.ofSeconds(5);
  private static final int RETRIES = 3;

  /** Runs a probe: exit code (-1 when it timed out) and output. */
  public interface Prober {
    io.berth.daemon.exec.ExecService.Probe probe(String containerId, List<String> cmd, Duration timeout);
  }

  private final ContainerStore store;
  private final EventBus events;
  private volatile Prober prober;
  private final Map<String, Thread> running = new ConcurrentHashMap<>();

  public HealthMonitor(ContainerStore store, EventBus events) {
    this.store = store;
    this.events = events;
  }

  /** Set once the exec service exists (it is made after the lifecycle). */
  public void proberIs(Prober p) {
    this.prober = p;
  }

  /** A run began (or was adopted): probing starts; a new run starts from {@code starting}. */
  void started(Container c, boolean adopted) {
    if (!c.config().healthchecked()) {
      return;
    }
    if (!adopted || c.health() == null) {
      store.update(c.id(), x -> x.withHealth(ContainerHealth.starting()));
    }
    Thread t = Thread.ofVirtual().name("health-" + c.id()).unstarted(() -> loop(c.id()));
    Thread old = running.put(c.id(), t);
    if (old != null) {
      old.interrupt();
    }
    t.start();
  }

  /** The run ended: no more probes. */
  void stopped(String id) {
    Thread t = running.remove(id);
    if (t != null) {
      t.interrupt();
    }
  }

  private void loop(String id) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Container c = store.get(id);
        if (c == null || !(c.state() instanceof ContainerState.Running r) || c.health() == null) {
          return;
        }
        HealthConfig h = c.config().healthcheck();
        // dockerd's getInterval: the start interval while starting within the start period
        boolean early = c.health().status().equals("starting")
            && Duration.between(r.startedAt(), Instant.now()).compareTo(Duration.ofNanos(h.startPeriod())) < 0;
        Duration wait = early ? orDefault(h.startInterval(), START_INTERVAL) : orDefault(h.interval(), INTERVAL);
        Thread.sleep(wait);
        if (r.paused()) {
          continue; // dockerd skips probes of a paused container
        }
        probeOnce(id, h, r.startedAt());
      }
    } catch (InterruptedException e) {
      // stopped
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "health checks of " + id + " ended: " + e.getMessage());
    }
  }

  private void probeOnce(String id, HealthConfig h, Instant startedAt) {
    Prober p = prober;
    if (p == null) {
      return;
    }
    Instant start = Instant.now();
    var result = p.probe(id, command(store.get(id), h.test()), orDefault(h.timeout(), TIMEOUT));
    if (Thread.currentThread().isInterrupted()) {
      return; // the run ended while the probe ran: its result is about a container that is gone
    }
    Instant end = Instant.now();
    var entry = new ContainerHealth.Result(start, end, result.exitCode(), result.output());
    int retries = h.retries() > 0 ? h.retries() : RETRIES;
    String[] change = new String[2];
    Container updated = store.update(id, x -> {
      ContainerHealth cur = x.health() == null ? ContainerHealth.starting() : x.health();
      String status = cur.status();
      int streak = cur.failingStreak();
      if (result.exitCode() == 0) {
        streak = 0;
        status = "healthy";
      } else {
        boolean inStartPeriod = status.equals("starting")
            && Duration.between(startedAt, start).compareTo(Duration.ofNanos(h.startPeriod())) < 0;
        if (!inStartPeriod) {
          streak++;
          if (streak >= retries) {
            status = "unhealthy";
          }
        }
      }
      change[0] = cur.status();
      change[1] = status;
      return x.withHealth(cur.after(entry, status, streak));
    });
    if (updated != null && !change[0].equals(change[1])) {
      events.container(updated, "health_status: " + change[1], Map.of());
    }
  }

  /** {@code CMD} runs its arguments; {@code CMD-SHELL} runs the line in the container's shell. */
  private static List<String> command(Container c, List<String> test) {
    if (test.getFirst().equals("CMD-SHELL")) {
      List<String> shell = c != null && c.config().shell() != null && !c.config().shell().isEmpty()
          ? c.config().shell() : List.of("/bin/sh", "-c");
      List<String> cmd = new ArrayList<>(shell);
      cmd.add(String.join(" ", test.subList(1, test.size())));
      return cmd;
    }
    return test.subList(1, test.size());
  }

  private static Duration orDefault(long nanos, Duration d) {
    return nanos > 0 ? Duration.ofNanos(nanos) : d;
  }
}
