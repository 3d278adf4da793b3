package io.berth.api.model.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One line of a progress stream (import, pull, load, build).
 *
 * @param progress the deprecated text form of {@code progressDetail} that dockerd still sends
 *     and older clients print
 */
public record JsonMessage(
    @JsonProperty("status") String status,
    @JsonProperty("id") String id,
    @JsonProperty("stream") String stream,
    @JsonProperty("progressDetail") Map<String, Object> progressDetail,
    @JsonProperty("progress") String progress,
    @JsonProperty("error") String error,
    @JsonProperty("errorDetail") ErrorDetail errorDetail,
    @JsonProperty("aux") Map<String, Object> aux) {

  /** A message without the text form of its progress. */
  public JsonMessage(String status, String id, String stream, Map<String, Object> progressDetail,
      String error, ErrorDetail errorDetail, Map<String, Object> aux) {
    this(status, id, stream, progressDetail, null, error, errorDetail, aux);
  }

  public record ErrorDetail(@JsonProperty("message") String message) {}

  public static JsonMessage status(String status) {
    return new JsonMessage(status, null, null, null, null, null, null);
  }

  public static JsonMessage stream(String text) {
    return new JsonMessage(null, null, text, null, null, null, null);
  }

  public static JsonMessage error(String message) {
    return new JsonMessage(null, null, null, null, message, new ErrorDetail(message), null);
  }
}
