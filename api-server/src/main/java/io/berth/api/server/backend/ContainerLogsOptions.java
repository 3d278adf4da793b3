package io.berth.api.server.backend;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code GET /containers/{id}/logs}; an empty tail means all lines. */
public record ContainerLogsOptions(
    boolean stdout,
    boolean stderr,
    boolean follow,
    boolean timestamps,
    OptionalInt tail,
    Optional<Instant> since,
    Optional<Instant> until) {}
