package io.berth.common;

import java.time.Duration;

/** Docker's human-readable durations ("Up 3 seconds", "Exited (0) 2 minutes ago"). */
public final class HumanDuration {
  private HumanDuration() {}

  public static String of(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = d.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(d.toSeconds() / 3600.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return hours / 24 / 365 + " years";
  }

  /** Go's {@code time.Duration.String()}: {@code 30s}, {@code 1m30s}, {@code 1.5s}, {@code 500ms}, {@code 0s}. */
  public static String go(Duration d) {
    long ns = d.toNanos();
    if (ns == 0) {
      return "0s";
    }
    String sign = ns < 0 ? "-" : "";
    long u = Math.abs(ns);
    if (u < 1_000L) {
      return sign + u + "ns";
    }
    if (u < 1_000_000L) {
      return sign + fraction(u, 1_000L) + "\u00b5s";
    }
    if (u < 1_000_000_000L) {
      return sign + fraction(u, 1_000_000L) + "ms";
    }
    long h = u / 3_600_000_000_000L;
    long m = u / 60_000_000_000L % 60;
    long rest = u % 60_000_000_000L;
    StringBuilder b = new StringBuilder(sign);
    if (h > 0) {
      b.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      b.append(m).append('m');
    }
    return b.append(fraction(rest, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long v, long unit) {
    String whole = Long.toString(v / unit);
    long f = v % unit;
    if (f == 0) {
      return whole;
    }
    String digits = String.format("%0" + Long.toString(unit).length() + "d", f).substring(1).replaceAll("0+$", "");
    return whole + "." + digits;
  }
}
