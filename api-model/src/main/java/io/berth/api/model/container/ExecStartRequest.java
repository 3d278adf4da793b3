package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /exec/{id}/start}. */
public record ExecStartRequest(
    @JsonProperty("Detach") boolean detach,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize) {}
