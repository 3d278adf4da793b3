package io.berth.common.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker filter arguments as an immutable multimap. Accepts both the current {@code
 * {"key":["v"]}} form and the legacy {@code {"key":{"v":true}}} form.
 */
public record Filters(Map<String, List<String>> values) {
  public static final Filters EMPTY = new Filters(Map.of());

  public Filters {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    values = Map.copyOf(copy);
  }

  public static Filters parse(String json) {
    if (json == null || json.isBlank()) {
      return EMPTY;
    }
    JsonNode root;
    try {
      root = Json.tree(json.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid filter: " + e.getMessage());
    }
    if (!root.isObject()) {
      throw new InvalidParameterException("invalid filter: expected a JSON object");
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    root.properties()
        .forEach(
            e -> {
              List<String> vals = new ArrayList<>();
              JsonNode n = e.getValue();
              if (n.isArray()) {
                n.forEach(v -> vals.add(v.asText()));
              } else if (n.isObject()) {
                n.properties().forEach(v -> {
                  if (v.getValue().asBoolean()) {
                    vals.add(v.getKey());
                  }
                });
              } else {
                vals.add(n.asText());
              }
              map.put(e.getKey(), vals);
            });
    return new Filters(map);
  }

  /** Fails with Docker's message when a key is not one of {@code allowed}. */
  public Filters validate(Set<String> allowed) {
    for (String k : values.keySet()) {
      if (!allowed.contains(k)) {
        throw new InvalidParameterException("invalid filter '" + k + "'");
      }
    }
    return this;
  }

  public List<String> get(String key) {
    return values.getOrDefault(key, List.of());
  }

  /**
   * A boolean filter as Docker reads it: 0, 1, true or false, not both ways at once; false when
   * absent.
   */
  public boolean bool(String key) {
    List<String> vals = get(key);
    if (vals.isEmpty()) {
      return false;
    }
    boolean no = vals.contains("0") || vals.contains("false");
    boolean yes = vals.contains("1") || vals.contains("true");
    if (no == yes) {
      throw new InvalidParameterException("invalid filter '" + key + "=" + vals + "'");
    }
    return yes;
  }

  /**
   * Docker's label filter value against labels: {@code key} asks that the label exist, {@code
   * key=value} that it have that value.
   */
  public static boolean labelMatches(java.util.Map<String, String> labels, String filter) {
    if (labels == null) {
      return false;
    }
    int eq = filter.indexOf('=');
    return eq < 0 ? labels.containsKey(filter)
        : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
  }

  public boolean has(String key) {
    return values.containsKey(key) && !values.get(key).isEmpty();
  }

  public String toJson() {
    return Json.string(values);
  }

  /** Docker's timestamps for {@code until}: RFC 3339, Unix seconds, or a duration before now. */
  public static java.time.Instant timestamp(String v) {
    try {
      if (v.matches("[0-9]+(\\.[0-9]+)?")) {
        return java.time.Instant.ofEpochMilli((long) (Double.parseDouble(v) * 1000));
      }
      if (v.matches("([0-9]+(ns|us|ms|s|m|h))+")) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)(ns|us|ms|s|m|h)").matcher(v);
        java.time.Duration d = java.time.Duration.ZERO;
        while (m.find()) {
          long n = Long.parseLong(m.group(1));
          d = d.plus(switch (m.group(2)) {
            case "ns" -> java.time.Duration.ofNanos(n);
            case "us" -> java.time.Duration.ofNanos(n * 1000);
            case "ms" -> java.time.Duration.ofMillis(n);
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            default -> java.time.Duration.ofHours(n);
          });
        }
        return java.time.Instant.now().minus(d);
      }
      return java.time.OffsetDateTime.parse(v).toInstant();
    } catch (RuntimeException e) {
      throw new InvalidParameterException("failed to parse value as time or duration: \"" + v + "\"");
    }
  }

}
