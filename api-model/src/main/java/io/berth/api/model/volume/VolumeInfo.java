package io.berth.api.model.volume;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * dockerd's Volume object. {@code Labels} and {@code Options} are sent even when null, as dockerd
 * sends them; {@code UsageData} only where it was asked for (system df).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VolumeInfo(
    @JsonProperty("CreatedAt") @JsonInclude(JsonInclude.Include.NON_EMPTY) String createdAt,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Mountpoint") String mountpoint,
    @JsonProperty("Name") String name,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Scope") String scope,
    @JsonProperty("UsageData") @JsonInclude(JsonInclude.Include.NON_NULL) UsageData usageData) {

  /** Size -1 and RefCount -1 mean not computed. */
  public record UsageData(@JsonProperty("Size") long size, @JsonProperty("RefCount") long refCount) {}

  public VolumeInfo withUsage(UsageData usage) {
    return new VolumeInfo(createdAt, driver, labels, mountpoint, name, options, scope, usage);
  }
}
