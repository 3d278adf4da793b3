package io.berth.cli.command.container;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker's GetTimestamp for {@code --since}/{@code --until}: a Go duration ({@code 10m}) counts
 * back from now, an RFC 3339 date or time is converted, and a Unix timestamp passes through.
 */
final class Timestamps {
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d{1,9})?");

  private Timestamps() {}

  static String toApi(String value, Instant now) {
    Long nanos = goDuration(value);
    if (nanos != null && !value.equals("0")) {
      return Long.toString(Math.floorDiv(now.minusNanos(nanos).toEpochMilli(), 1000L));
    }
    boolean local = !value.matches(".*[zZ+].*") && value.chars().filter(c -> c == '-').count() != 3;
    try {
      Instant t = parseTime(value, local);
      return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    } catch (DateTimeParseException e) {
      if (value.contains("-")) {
        throw new IllegalArgumentException("parsing time \"" + value + "\": " + e.getMessage());
      }
      if (!UNIX.matcher(value).matches()) {
        throw new IllegalArgumentException("failed to parse value as time or duration: \"" + value + "\"");
      }
      return value;
    }
  }

  private static Instant parseTime(String v, boolean local) {
    if (local) {
      if (v.contains("T")) {
        String t = v;
        long colons = v.chars().filter(c -> c == ':').count();
        if (colons == 0) {
          t = v + ":00:00";
        } else if (colons == 1) {
          t = v + ":00";
        }
        return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
      }
      return LocalDate.parse(v).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
    String t = v;
    if (!v.contains("T")) {
      int split = 10;
      t = v.substring(0, Math.min(split, v.length())) + "T00:00:00" + v.substring(Math.min(split, v.length()));
    }
    return OffsetDateTime.parse(t).toInstant();
  }

  /** Go's time.ParseDuration in nanoseconds, or null if {@code s} is not a duration. */
  static Long goDuration(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int sign = 1;
    String rest = s;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      sign = rest.startsWith("-") ? -1 : 1;
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return 0L;
    }
    Matcher m = DURATION_PART.matcher(rest);
    int pos = 0;
    double total = 0;
    while (pos < rest.length()) {
      if (!m.find(pos) || m.start() != pos) {
        return null;
      }
      double n = Double.parseDouble(m.group(1));
      total += n * switch (m.group(2)) {
        case "ns" -> 1;
        case "us", "µs", "μs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      pos = m.end();
    }
    return sign * (long) total;
  }
}
