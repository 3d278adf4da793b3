package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /containers/{id}/exec}: what {@code docker exec} sends. */
public record ExecCreateRequest(
    @JsonProperty("User") String user,
    @JsonProperty("Privileged") boolean privileged,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize,
    @JsonProperty("AttachStdin") boolean attachStdin,
    @JsonProperty("AttachStderr") boolean attachStderr,
    @JsonProperty("AttachStdout") boolean attachStdout,
    @JsonProperty("Detach") boolean detach,
    @JsonProperty("DetachKeys") String detachKeys,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Cmd") List<String> cmd) {}
