package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record ContainerCreateResponse(
    @JsonProperty("Id") String id, @JsonProperty("Warnings") List<String> warnings) {}
