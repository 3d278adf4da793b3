package io.berth.daemon.container;

import java.time.Instant;

/** One state at a time; Docker's booleans are rendered from it in one place. */
public sealed interface ContainerState {
  /** Never started, or a start failed ({@code exitCode} and {@code error} say why). */
  record Created(int exitCode, String error) implements ContainerState {}

  record Running(long pid, Instant startedAt) implements ContainerState {}

  record Exited(int exitCode, Instant startedAt, Instant finishedAt, String error)
      implements ContainerState {}

  record Removing() implements ContainerState {}

  default String status() {
    return switch (this) {
      case Created _ -> "created";
      case Running _ -> "running";
      case Exited _ -> "exited";
      case Removing _ -> "removing";
    };
  }

  default boolean running() {
    return this instanceof Running;
  }
}
