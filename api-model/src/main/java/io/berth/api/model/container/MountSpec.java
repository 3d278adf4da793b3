package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One entry of {@code HostConfig.Mounts} ({@code --mount}), as clients send it and inspect echoes it. */
public record MountSpec(
    @JsonProperty("Type") String type,
    @JsonProperty("Source") String source,
    @JsonProperty("Target") String target,
    @JsonProperty("ReadOnly") Boolean readOnly,
    @JsonProperty("Consistency") String consistency,
    @JsonProperty("BindOptions") BindOptions bindOptions,
    @JsonProperty("VolumeOptions") VolumeOptions volumeOptions,
    @JsonProperty("ImageOptions") Map<String, Object> imageOptions,
    @JsonProperty("TmpfsOptions") TmpfsOptions tmpfsOptions) {

  public boolean isReadOnly() {
    return Boolean.TRUE.equals(readOnly);
  }

  public record BindOptions(
      @JsonProperty("Propagation") String propagation,
      @JsonProperty("NonRecursive") Boolean nonRecursive,
      @JsonProperty("CreateMountpoint") Boolean createMountpoint,
      @JsonProperty("ReadOnlyNonRecursive") Boolean readOnlyNonRecursive,
      @JsonProperty("ReadOnlyForceRecursive") Boolean readOnlyForceRecursive) {}

  public record VolumeOptions(
      @JsonProperty("NoCopy") Boolean noCopy,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("Subpath") String subpath,
      @JsonProperty("DriverConfig") DriverConfig driverConfig) {}

  public record DriverConfig(@JsonProperty("Name") String name, @JsonProperty("Options") Map<String, String> options) {}

  public record TmpfsOptions(
      @JsonProperty("SizeBytes") Long sizeBytes,
      @JsonProperty("Mode") Integer mode,
      @JsonProperty("Options") List<List<String>> options) {}
}
