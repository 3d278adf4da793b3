package io.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of {@code GET /images/{name}/history}. Only the newest entry names the image and its
 * tags; older steps are {@code <missing>} with {@code Tags: null}, as dockerd writes them.
 */
public record ImageHistoryItem(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") long created,
    @JsonProperty("CreatedBy") String createdBy,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Tags") List<String> tags,
    @JsonProperty("Size") long size,
    @JsonProperty("Comment") String comment) {}
