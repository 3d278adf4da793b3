package io.berth.api.server.backend;

import java.util.Optional;
import java.util.OptionalInt;

/** {@code stop} and {@code restart}: an optional signal and grace period in seconds. */
public record ContainerStopOptions(Optional<String> signal, OptionalInt timeoutSeconds) {}
