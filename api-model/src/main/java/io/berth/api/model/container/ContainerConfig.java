package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code Config} of create and inspect: what the container runs, independent of the host. */
public record ContainerConfig(
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Domainname") String domainname,
    @JsonProperty("User") String user,
    @JsonProperty("AttachStdin") boolean attachStdin,
    @JsonProperty("AttachStdout") boolean attachStdout,
    @JsonProperty("AttachStderr") boolean attachStderr,
    @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("OpenStdin") boolean openStdin,
    @JsonProperty("StdinOnce") boolean stdinOnce,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Env") List<String> env,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Image") String image,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("NetworkDisabled") Boolean networkDisabled,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("OnBuild") List<String> onBuild,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("StopTimeout") Integer stopTimeout,
    @JsonProperty("Shell") List<String> shell,
    @JsonProperty("Healthcheck") io.berth.api.model.image.ImageInspect.HealthConfig healthcheck) {
  /** Whether a health check runs: a test other than none ({@code NONE}, or nothing to run). */
  public boolean healthchecked() {
    var h = healthcheck;
    return h != null && h.test() != null && h.test().size() > 1 && !h.test().getFirst().equals("NONE");
  }

  /** A config with nothing in it, for a container whose own could not be read. */
  public static ContainerConfig empty() {
    return new ContainerConfig("", "", "", false, false, false, null, false, false, false, null,
        null, "", null, "", null, null, null, null, null, null, null, null);
  }
}
