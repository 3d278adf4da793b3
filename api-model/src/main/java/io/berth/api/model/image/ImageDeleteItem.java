package io.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonProperty;

public record ImageDeleteItem(
    @JsonProperty("Untagged") String untagged, @JsonProperty("Deleted") String deleted) {}
