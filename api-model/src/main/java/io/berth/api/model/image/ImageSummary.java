package io.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One row of {@code GET /images/json}. */
public record ImageSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("ParentId") String parentId,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("RepoTags") List<String> repoTags,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Created") long created,
    @JsonProperty("Size") long size,
    @JsonProperty("SharedSize") long sharedSize,
    @JsonProperty("VirtualSize") Long virtualSize,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Containers") long containers) {}
