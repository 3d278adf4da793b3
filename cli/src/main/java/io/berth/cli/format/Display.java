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

  /**
   * docker's {@code formatter.Ellipsis}: shortens to {@code max} display columns, a wide (East
   * Asian) character counting two, the last column an ellipsis. As in docker, a string whose first
   * character alone is too wide comes back whole, and {@code max} 1 keeps the first character.
   */
  public static String ellipsis(String s, int max) {
    if (max <= 0) {
      return "";
    }
    if (max == 1) {
      return s.isEmpty() ? "" : new String(Character.toChars(s.codePointAt(0)));
    }
    int width = 0;
    int cut = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      // Below U+1100 every character is narrow; the table is loaded only past it.
      width += cp < 0x1100 ? 1 : EastAsianWidth.of(cp);
      if (cut < 0 && width > max - 1) {
        cut = i;
      }
      i += Character.charCount(cp);
    }
    if (width <= max || cut <= 0) {
      return s;
    }
    return s.substring(0, cut) + "…";
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
