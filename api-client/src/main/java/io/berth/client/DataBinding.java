package io.berth.client;

import io.berth.common.json.Json;
import java.io.IOException;
import java.util.List;

/**
 * The only way into Jackson from the client's classes, for the typed answers that no common
 * command reads. Kept apart so that verifying {@link Containers} or {@link Images} (which every
 * command loads) never loads a Jackson type: the verifier must load both sides of an assignment
 * such as a {@code CollectionType} passed as a {@code JavaType}.
 */
final class DataBinding {
  private DataBinding() {}

  static <T> T read(byte[] json, Class<T> type) {
    return Json.parse(json, type);
  }

  static <T> List<T> list(byte[] json, Class<T> element) {
    try {
      return Json.mapper().readValue(json, Json.mapper().getTypeFactory().constructCollectionType(List.class, element));
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
