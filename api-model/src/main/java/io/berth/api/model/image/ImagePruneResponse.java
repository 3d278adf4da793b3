package io.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /images/prune}: what went ({@code null} when nothing did, as dockerd writes it). */
public record ImagePruneResponse(
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("ImagesDeleted") List<ImageDeleteItem> imagesDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
