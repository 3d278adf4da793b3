package io.berth.api.model.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code POST /volumes/create}: what {@code docker volume create} sends. */
public record VolumeCreateRequest(
    @JsonProperty("Name") String name,
    @JsonProperty("Driver") String driver,
    @JsonProperty("DriverOpts") Map<String, String> driverOpts,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("ClusterVolumeSpec") JsonNode clusterVolumeSpec) {}
