package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /containers/{id}/wait}. {@code Error} appears only when the wait itself
 * failed: dockerd 28 leaves a nil error out, whatever the version (before 23.0 it wrote null).
 */
public record WaitResponse(
    @JsonProperty("StatusCode") long statusCode,
    @JsonProperty("Error") WaitError error) {
  public record WaitError(@JsonProperty("Message") String message) {}
}
