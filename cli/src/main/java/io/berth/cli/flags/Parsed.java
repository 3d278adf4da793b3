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

  /** As {@link #bool(String)}, {@code fallback} when not given (flags that default to true). */
  public boolean bool(String longName, boolean fallback) {
    List<String> v = values.get(longName);
    return v == null || v.isEmpty() ? fallback : Boolean.parseBoolean(v.getLast());
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

  /** An int (Go int64) flag parsed as pflag does, base prefixes included: {@code strconv.ParseInt(s, 0, 64)}. */
  public long int64(String longName, long fallback) {
    long v = fallback;
    // pflag parses every occurrence as it comes, so an earlier bad one fails too.
    for (String s : list(longName)) {
      try {
        v = GoParse.parseInt(s);
      } catch (IllegalArgumentException e) {
        throw invalid(longName, s, e.getMessage());
      }
    }
    return v;
  }

  /** A {@code bytes} flag (docker's MemBytes): {@code 64m}, {@code 1.5GiB}. */
  public long bytes(String longName, long fallback) {
    long v = fallback;
    for (String s : list(longName)) {
      try {
        v = GoParse.ramInBytes(s);
      } catch (IllegalArgumentException e) {
        throw invalid(longName, s, e.getMessage());
      }
    }
    return v;
  }

  /** pflag's words for a value its flag's type rejects. */
  public UsageError invalid(String longName, String value, String why) {
    return new UsageError("invalid argument \"" + value + "\" for \"" + set.byLong(longName).display() + "\" flag: " + why);
  }
}
