package io.berth.daemon.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A health-checked container's health: {@code starting}, {@code healthy} or {@code unhealthy},
 * the failures in a row, and the last five probes (dockerd keeps as many).
 */
public record ContainerHealth(
    @JsonProperty("status") String status,
    @JsonProperty("failingStreak") int failingStreak,
    @JsonProperty("log") List<Result> log) {
  private static final int KEPT = 5;

  public ContainerHealth {
    log = log == null ? List.of() : List.copyOf(log);
  }

  /** One probe; its times as RFC 3339 text, as the record stores times. */
  public record Result(
      @JsonProperty("start") String start,
      @JsonProperty("end") String end,
      @JsonProperty("exitCode") int exitCode,
      @JsonProperty("output") String output) {
    public Result(Instant start, Instant end, int exitCode, String output) {
      this(start.toString(), end.toString(), exitCode, output);
    }
  }

  public static ContainerHealth starting() {
    return new ContainerHealth("starting", 0, List.of());
  }

  /** The same with {@code r} logged (the oldest dropped past five) and the new status and streak. */
  public ContainerHealth after(Result r, String newStatus, int streak) {
    List<Result> l = new ArrayList<>(log);
    l.add(r);
    while (l.size() > KEPT) {
      l.removeFirst();
    }
    return new ContainerHealth(newStatus, streak, l);
  }
}
