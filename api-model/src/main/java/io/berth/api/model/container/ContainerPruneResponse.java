package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /containers/prune}: the ids removed ({@code null} when none, as dockerd writes it). */
public record ContainerPruneResponse(
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("ContainersDeleted") List<String> containersDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
