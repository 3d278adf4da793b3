package io.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /networks/prune}: the names removed ({@code null} when none, as dockerd writes it). */
public record NetworkPruneResponse(
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("NetworksDeleted") List<String> networksDeleted) {}
