package io.berth.client;

import io.berth.client.json.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Encodes list filters the way docker's client sends them: {@code {"key":{"value":true}}}, keys
 * sorted as Go encodes maps. Written by hand so listing stays clear of data binding.
 */
public final class Filters {
  private Filters() {}

  public static String toJson(Map<String, List<String>> filters) {
    JsonWriter w = new JsonWriter().beginObject();
    for (Map.Entry<String, List<String>> e : new TreeMap<>(filters).entrySet()) {
      w.name(e.getKey()).beginObject();
      for (String v : new TreeSet<>(e.getValue())) {
        w.member(v, true);
      }
      w.endObject();
    }
    return w.endObject().toString();
  }
}
