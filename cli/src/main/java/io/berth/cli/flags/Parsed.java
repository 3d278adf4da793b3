package io.berth.cli.flags;

import java.util.List;
import java.util.Map;

/** Parsed flags by long name (values in order given) and the remaining arguments. */
public record Parsed(FlagSet set, Map<String, List<String>> values, List<String> args) {

  /** Whether the user gave the flag at all (pflag's {@code Changed}). */
  public boolean changed(String longName) {
    return values.containsKey(longName);
  }

  public boolean bool(String longName) {
    List<String> v = values.get(longName);
    return v != null && !v.isEmpty() && Boolean.parseBoolean(v.getLast());
  }

  /** The last value given, or {@code fallback}. */
  public String string(String longName, String fallback) {
    List<String> v = values.get(longName);
    return v == null || v.isEmpty() ? fallback : v.getLast();
  }

  public List<String> list(String longName) {
    return values.getOrDefault(longName, List.of());
  }

  /** An int flag; a bad value fails as pflag does, naming the flag and Go's parse error. */
  public int integer(String longName, int fallback) {
    String s = string(longName, null);
    if (s == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new UsageError("invalid argument \"" + s + "\" for \"" + set.byLong(longName).display()
          + "\" flag: strconv.ParseInt: parsing \"" + s + "\": invalid syntax");
    }
  }
}
