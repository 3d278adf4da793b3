package io.berth.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One {@code WWW-Authenticate} challenge: its scheme ({@code basic}, {@code bearer}) and parameters. */
record Challenge(String scheme, Map<String, String> params) {

  String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** Parses every challenge of every header value (RFC 7235; quoted strings with escapes). */
  static List<Challenge> parseAll(List<String> headers) {
    List<Challenge> out = new ArrayList<>();
    for (String h : headers) {
      parse(h, out);
    }
    return out;
  }

  private static void parse(String h, List<Challenge> out) {
    int i = 0;
    int n = h.length();
    while (i < n) {
      while (i < n && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
        i++;
      }
      int start = i;
      while (i < n && h.charAt(i) != ' ' && h.charAt(i) != ',') {
        i++;
      }
      if (start == i) {
        return;
      }
      String scheme = h.substring(start, i).toLowerCase(Locale.ROOT);
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        int save = i;
        while (i < n && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
          i++;
        }
        int k = i;
        while (i < n && h.charAt(i) != '=' && h.charAt(i) != ' ' && h.charAt(i) != ',') {
          i++;
        }
        if (i >= n || h.charAt(i) != '=' || k == i) {
          i = save; // not a parameter: the next challenge's scheme
          break;
        }
        String key = h.substring(k, i).toLowerCase(Locale.ROOT);
        i++;
        StringBuilder v = new StringBuilder();
        if (i < n && h.charAt(i) == '"') {
          i++;
          while (i < n && h.charAt(i) != '"') {
            if (h.charAt(i) == '\\' && i + 1 < n) {
              i++;
            }
            v.append(h.charAt(i++));
          }
          i++;
        } else {
          while (i < n && h.charAt(i) != ',' && h.charAt(i) != ' ') {
            v.append(h.charAt(i++));
          }
        }
        params.put(key, v.toString());
      }
      out.add(new Challenge(scheme, params));
    }
  }
}
