package io.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.AddedIn;
import io.berth.api.model.ApiVersion;
import io.berth.api.model.ForVersion;
import io.berth.api.model.RemovedIn;
import io.berth.api.model.container.ContainerConfig;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /images/{name}/json}, with every field any API version shows.
 *
 * @param created RFC 3339, or null for an image without a creation time
 * @param container the container a legacy builder committed, or null
 * @param containerConfig that container's config; dockerd's graph-driver store always has one,
 *     with zero values when the image has none
 */
public record ImageInspect(
    @JsonProperty("Id") String id,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("RepoTags") List<String> repoTags,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Parent") String parent,
    @JsonProperty("Comment") String comment,
    @JsonProperty("Created") String created,
    @RemovedIn("1.45") @JsonProperty("Container") String container,
    @RemovedIn("1.45") @JsonProperty("ContainerConfig") ContainerConfig containerConfig,
    @JsonProperty("DockerVersion") String dockerVersion,
    @JsonProperty("Author") String author,
    @JsonProperty("Config") Config config,
    @JsonProperty("Architecture") String architecture,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("Variant") String variant,
    @JsonProperty("Os") String os,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("OsVersion") String osVersion,
    @JsonProperty("Size") long size,
    @JsonProperty("GraphDriver") GraphDriver graphDriver,
    @JsonProperty("RootFS") RootFs rootFs,
    @JsonProperty("Metadata") Map<String, String> metadata,
    @AddedIn("1.48") @JsonProperty("Descriptor") Descriptor descriptor)
    implements ForVersion<ImageInspect> {
  /** Go's zero time, which dockerd shows pre-1.44 clients for an image without one. */
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  public ImageInspect {
    container = container == null || container.isEmpty() ? null : container;
  }

  /** The size again under its pre-1.44 name, which dockerd still fills for those clients. */
  @RemovedIn("1.44")
  @JsonProperty("VirtualSize")
  public long virtualSize() {
    return size;
  }

  @Override
  public ImageInspect forVersion(ApiVersion v) {
    String when = created == null && v.lessThan(ApiVersion.V1_44) ? ZERO_TIME : created;
    return new ImageInspect(id, repoTags == null ? List.of() : repoTags,
        repoDigests == null ? List.of() : repoDigests, parent, comment, when, container,
        containerConfig, dockerVersion, author, config, architecture, variant, os, osVersion, size,
        graphDriver, rootFs, metadata, descriptor);
  }

  /**
   * The image's own config (an OCI image config with Docker's additions). Empty values are left
   * out as dockerd's omitempty does, except the keys it always writes ({@code Cmd}, {@code
   * Entrypoint}, {@code Env}, {@code Labels}, {@code OnBuild}, {@code Volumes} as null, {@code User}
   * and {@code WorkingDir} as ""); clients older than 1.50 also get the container-config keys
   * images used to carry, with zero values.
   */
  public record Config(
      @JsonProperty("User") String user,
      @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Env") List<String> env,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Cmd") List<String> cmd,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Volumes") Map<String, Object> volumes,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Labels") Map<String, String> labels,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("StopSignal") String stopSignal,
      @JsonProperty("Healthcheck") HealthConfig healthcheck,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("OnBuild") List<String> onBuild,
      @JsonProperty("Shell") List<String> shell) {

    public Config {
      user = user == null ? "" : user;
      workingDir = workingDir == null ? "" : workingDir;
      exposedPorts = orNull(exposedPorts);
      env = orNull(env);
      entrypoint = orNull(entrypoint);
      cmd = orNull(cmd);
      volumes = orNull(volumes);
      labels = orNull(labels);
      onBuild = orNull(onBuild);
      shell = orNull(shell);
    }

    private static <T> List<T> orNull(List<T> l) {
      return l == null || l.isEmpty() ? null : List.copyOf(l);
    }

    private static <V> Map<String, V> orNull(Map<String, V> m) {
      return m == null || m.isEmpty() ? null : m;
    }

    @RemovedIn("1.50")
    @JsonProperty("AttachStderr")
    public boolean attachStderr() {
      return false;
    }

    @RemovedIn("1.50")
    @JsonProperty("AttachStdin")
    public boolean attachStdin() {
      return false;
    }

    @RemovedIn("1.50")
    @JsonProperty("AttachStdout")
    public boolean attachStdout() {
      return false;
    }

    @RemovedIn("1.50")
    @JsonProperty("Domainname")
    public String domainname() {
      return "";
    }

    @RemovedIn("1.50")
    @JsonProperty("Hostname")
    public String hostname() {
      return "";
    }

    @RemovedIn("1.50")
    @JsonProperty("Image")
    public String image() {
      return "";
    }

    @RemovedIn("1.50")
    @JsonProperty("OpenStdin")
    public boolean openStdin() {
      return false;
    }

    @RemovedIn("1.50")
    @JsonProperty("StdinOnce")
    public boolean stdinOnce() {
      return false;
    }

    @RemovedIn("1.50")
    @JsonProperty("Tty")
    public boolean tty() {
      return false;
    }
  }

  /** A HEALTHCHECK; durations in nanoseconds, zero values left out. */
  public record HealthConfig(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("Test") List<String> test,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonProperty("Interval") long interval,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonProperty("Timeout") long timeout,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonProperty("StartPeriod") long startPeriod,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonProperty("StartInterval") long startInterval,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonProperty("Retries") int retries) {}

  public record GraphDriver(
      @JsonProperty("Name") String name, @JsonProperty("Data") Map<String, String> data) {}

  public record RootFs(@JsonProperty("Type") String type, @JsonProperty("Layers") List<String> layers) {}
}
