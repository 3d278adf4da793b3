package io.berth.cli.format;

import io.berth.client.json.JsonReader;
import java.util.Map;

/**
 * JSON as the plain maps, lists and scalars that templates walk, keeping key order and number
 * text: {@link JsonReader}'s values, with lookups by key path.
 */
public final class JsonValues {
  private JsonValues() {}

  /** Parses one JSON document; malformed input raises {@link IllegalArgumentException}. */
  public static Object parse(byte[] json) {
    return JsonReader.parse(json);
  }

  /** Parses a JSON object; anything else yields an empty map. */
  public static Map<String, Object> object(byte[] json) {
    return JsonReader.object(json);
  }

  /** A nested value by keys, or null when any step is missing. */
  public static Object at(Object root, String... keys) {
    Object v = root;
    for (String k : keys) {
      if (!(v instanceof Map<?, ?> m)) {
        return null;
      }
      v = m.get(k);
    }
    return v;
  }

  public static String string(Object root, String... keys) {
    Object v = at(root, keys);
    return v == null ? "" : v instanceof String s ? s : GoValues.print(v);
  }

  public static long number(Object root, String... keys) {
    return at(root, keys) instanceof Number n ? n.longValue() : 0;
  }

  public static boolean bool(Object root, String... keys) {
    return Boolean.TRUE.equals(at(root, keys));
  }
}
