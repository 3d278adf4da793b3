package io.berth.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.berth.api.model.stream.JsonMessage;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
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
    try (JsonParser p = Json.mapper().createParser(in)) {
      while (true) {
        JsonToken t = p.nextToken();
        if (t == null) {
          return last;
        }
        JsonMessage m = Json.mapper().readValue(p, JsonMessage.class);
        String error = m.errorDetail() != null && m.errorDetail().message() != null
            ? m.errorDetail().message() : m.error();
        if (error != null) {
          throw new StreamErrorException(error);
        }
        last = m;
        sink.accept(m);
      }
    }
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
