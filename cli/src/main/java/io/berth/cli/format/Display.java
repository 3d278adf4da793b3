package io.berth.cli.format;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Small display rules of docker's formatters: short ids, ellipses, Go's time printing. */
public final class Display {

  private Display() {}

  /** {@code stringid.TruncateID}: drop an algorithm prefix, keep 12 characters. */
  public static String truncateId(String id) {
    if (id == null) {
      return "";
    }
    int colon = id.indexOf(':');
    if (colon >= 0) {
      id = id.substring(colon + 1);
    }
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /** Shortens to {@code max} display columns ending in an ellipsis. */
  public static String ellipsis(String s, int max) {
    if (max <= 0) {
      return "";
    }
    int count = s.codePointCount(0, s.length());
    if (max == 1) {
      return count == 0 ? "" : new String(Character.toChars(s.codePointAt(0)));
    }
    if (count <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /**
   * Go's {@code time.Unix(sec, 0).String()} in the local zone: {@code 2025-01-02 15:04:05 +0100 CET}.
   * The zone is looked up only here because loading the time-zone rules is slow to start.
   */
  public static String goTime(long epochSeconds) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z").format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneId.systemDefault()));
  }

  /** {@code 3 minutes ago}. */
  public static String ago(long epochSeconds, Instant now) {
    return Units.humanDuration(Duration.between(Instant.ofEpochSecond(epochSeconds), now)) + " ago";
  }
}
