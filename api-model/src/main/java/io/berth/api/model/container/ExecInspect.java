package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code GET /exec/{id}/json}: {@code ExitCode} is null until the process has ended. */
@JsonPropertyOrder({"ID", "Running", "ExitCode", "ProcessConfig", "OpenStdin", "OpenStderr", "OpenStdout",
    "CanRemove", "ContainerID", "DetachKeys", "Pid"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExecInspect(
    @JsonProperty("ID") String id,
    @JsonProperty("Running") boolean running,
    @JsonProperty("ExitCode") Integer exitCode,
    @JsonProperty("ProcessConfig") ProcessConfig processConfig,
    @JsonProperty("OpenStdin") boolean openStdin,
    @JsonProperty("OpenStderr") boolean openStderr,
    @JsonProperty("OpenStdout") boolean openStdout,
    @JsonProperty("CanRemove") boolean canRemove,
    @JsonProperty("ContainerID") String containerId,
    @JsonProperty("DetachKeys") String detachKeys,
    @JsonProperty("Pid") int pid) {

  @JsonPropertyOrder({"tty", "entrypoint", "arguments", "privileged", "user"})
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ProcessConfig(
      @JsonProperty("tty") boolean tty,
      @JsonProperty("entrypoint") String entrypoint,
      @JsonProperty("arguments") List<String> arguments,
      @JsonProperty("privileged") Boolean privileged,
      @JsonProperty("user") String user) {}
}
