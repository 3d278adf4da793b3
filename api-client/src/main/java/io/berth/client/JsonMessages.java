package io.berth.client;

import io.berth.api.model.stream.JsonMessage;
import io.berth.client.json.JsonSequence;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a progress stream (pull, import, load, bootstrap): JSON objects one after another. An
 * object carrying an error ends the stream with that error.
 */
public final class JsonMessages {
  private JsonMessages() {}

  /**
   * Hands each message to {@code sink} until end of stream.
   *
   * @return the last message seen, or null for an empty stream
   * @throws StreamErrorException for an {@code error}/{@code errorDetail} object
   */
  public static JsonMessage read(InputStream in, Consumer<JsonMessage> sink) throws IOException {
    JsonMessage last = null;
    JsonSequence messages = new JsonSequence(in);
    for (Object v = messages.next(); v != JsonSequence.END; v = messages.next()) {
      JsonMessage m = message(v instanceof Map<?, ?> map ? map : Map.of());
      String error = m.errorDetail() != null && m.errorDetail().message() != null
          ? m.errorDetail().message() : m.error();
      if (error != null) {
        throw new StreamErrorException(error);
      }
      last = m;
      sink.accept(m);
    }
    return last;
  }

  /** One message from its JSON object; read by hand since the CLI carries no data binding. */
  static JsonMessage message(Map<?, ?> m) {
    JsonMessage.ErrorDetail detail = m.get("errorDetail") instanceof Map<?, ?> d
        ? new JsonMessage.ErrorDetail(text(d.get("message"))) : null;
    return new JsonMessage(text(m.get("status")), text(m.get("id")), text(m.get("stream")),
        object(m.get("progressDetail")), text(m.get("error")), detail, object(m.get("aux")));
  }

  private static String text(Object v) {
    return v == null || v instanceof Map<?, ?> || v instanceof List<?> ? null : v.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object v) {
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  /**
   * What docker shows for a message on a non-terminal: {@code id: status}, the stream text, or
   * nothing for progress-bar updates. Returns null when the message prints nothing.
   */
  public static String display(JsonMessage m) {
    if (m.aux() != null) {
      return null;
    }
    if (m.progressDetail() != null && (positive(m.progressDetail().get("current"))
        || positive(m.progressDetail().get("total")))) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    if (m.id() != null && !m.id().isEmpty()) {
      sb.append(m.id()).append(": ");
    }
    if (m.stream() != null && !m.stream().isEmpty()) {
      return sb.append(m.stream()).toString();
    }
    return sb.append(m.status() == null ? "" : m.status()).append('\n').toString();
  }

  private static boolean positive(Object o) {
    return o instanceof Number n && n.longValue() > 0;
  }
}
