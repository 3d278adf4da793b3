package io.berth.image.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code config} object of an image config, with Docker's capitalised JSON names. Absent
 * settings are null so that they are omitted from the stored JSON, as Docker omits them.
 *
 * @param exposedPorts {@code "80/tcp" -> {}}; values are always empty objects
 * @param volumes {@code "/data" -> {}}; values are always empty objects
 */
public record ImageConfig(
    @JsonProperty("User") String user,
    @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Healthcheck") HealthConfig healthcheck,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("OnBuild") List<String> onBuild) {

  public ImageConfig {
    exposedPorts = frozen(exposedPorts);
    env = env == null ? null : List.copyOf(env);
    cmd = cmd == null ? null : List.copyOf(cmd);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    volumes = frozen(volumes);
    labels = labels == null ? null : Collections.unmodifiableMap(new TreeMap<>(labels));
    onBuild = onBuild == null ? null : List.copyOf(onBuild);
  }

  /** What {@code docker import} without changes produces: nothing set. */
  public static ImageConfig empty() {
    return new ImageConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** An empty JSON object, the value type of {@link #exposedPorts} and {@link #volumes}. */
  public static Map<String, Object> emptyObject() {
    return Map.of();
  }

  private static <V> Map<String, V> frozen(Map<String, V> m) {
    return m == null ? null : Collections.unmodifiableMap(new TreeMap<>(m));
  }
}
