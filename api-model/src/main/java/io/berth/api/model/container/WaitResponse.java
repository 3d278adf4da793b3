package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

public record WaitResponse(
    @JsonProperty("StatusCode") long statusCode,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Error") WaitError error) {
  public record WaitError(@JsonProperty("Message") String message) {}
}
