package io.berth.client;

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
    StringBuilder sb = new StringBuilder("{");
    new TreeMap<>(filters).forEach((k, vs) -> {
      if (sb.length() > 1) {
        sb.append(',');
      }
      quote(sb, k).append(":{");
      boolean first = true;
      for (String v : new TreeSet<>(vs)) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, v).append(":true");
      }
      sb.append('}');
    });
    return sb.append('}').toString();
  }

  private static StringBuilder quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }
}
