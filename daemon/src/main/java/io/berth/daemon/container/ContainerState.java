package io.berth.daemon.container;

import java.time.Instant;

/** One state at a time; Docker's booleans are rendered from it in one place. */
public sealed interface ContainerState {
  /** Never started, or a start failed ({@code exitCode} and {@code error} say why). */
  record Created(int exitCode, String error) implements ContainerState {}

  /**
   * {@code monitorPid}: the conmon supervising it (0 when not known, as in older records);
   * {@code paused}: frozen ({@code docker pause}), still running as Docker counts it.
   */
  record Running(long pid, long monitorPid, Instant startedAt, boolean paused) implements ContainerState {
    public Running(long pid, long monitorPid, Instant startedAt) {
      this(pid, monitorPid, startedAt, false);
    }

    public Running withPaused(boolean p) {
      return new Running(pid, monitorPid, startedAt, p);
    }
  }

  /** {@code oomKilled}: the kernel's OOM killer acted in the container's cgroup during the run. */
  record Exited(int exitCode, Instant startedAt, Instant finishedAt, String error, boolean oomKilled)
      implements ContainerState {
    public Exited(int exitCode, Instant startedAt, Instant finishedAt, String error) {
      this(exitCode, startedAt, finishedAt, error, false);
    }
  }

  /**
   * Its run ended and its restart policy starts it again after a back-off: dockerd's
   * {@code restarting} (shown as running, with the last exit code).
   */
  record Restarting(int exitCode, Instant startedAt, Instant finishedAt) implements ContainerState {}

  record Removing() implements ContainerState {}

  /**
   * Docker's {@code dead}: a container Berth cannot run or trust any more (its record could not be
   * read); it can only be removed.
   */
  record Dead(int exitCode, String error) implements ContainerState {}

  default String status() {
    return switch (this) {
      case Created _ -> "created";
      case Running r -> r.paused() ? "paused" : "running";
      case Exited _ -> "exited";
      case Restarting _ -> "restarting";
      case Removing _ -> "removing";
      case Dead _ -> "dead";
    };
  }

  default boolean running() {
    return this instanceof Running;
  }

  default boolean paused() {
    return this instanceof Running r && r.paused();
  }

  /** The last run's exit code (or why it could not start); 0 while running or never run. */
  default int exitCode() {
    return switch (this) {
      case Created c -> c.exitCode();
      case Exited e -> e.exitCode();
      case Restarting r -> r.exitCode();
      case Dead d -> d.exitCode();
      case Running _, Removing _ -> 0;
    };
  }

  default String error() {
    return switch (this) {
      case Created c -> c.error();
      case Exited e -> e.error();
      case Dead d -> d.error();
      case Running _, Removing _, Restarting _ -> "";
    };
  }

  /** When the current or last run started; null when it never did. */
  default Instant startedAt() {
    return switch (this) {
      case Running r -> r.startedAt();
      case Exited e -> e.startedAt();
      case Restarting r -> r.startedAt();
      case Created _, Removing _, Dead _ -> null;
    };
  }

  default boolean oomKilled() {
    return this instanceof Exited e && e.oomKilled();
  }

  default Instant finishedAt() {
    return this instanceof Exited e ? e.finishedAt() : this instanceof Restarting r ? r.finishedAt() : null;
  }

  default boolean restarting() {
    return this instanceof Restarting;
  }
}
