package io.berth.image.config;

import io.berth.common.error.InvalidParameterException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HEALTHCHECK [--interval=D] [--timeout=D] [--start-period=D] [--retries=N] NONE | CMD .... */
final class HealthcheckParser {
  private static final long MILLI = 1_000_000L;
  private static final Pattern DURATION_PART =
      Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns",
          1L,
          "us",
          1_000L,
          "µs",
          1_000L,
          "μs",
          1_000L,
          "ms",
          MILLI,
          "s",
          1_000 * MILLI,
          "m",
          60_000 * MILLI,
          "h",
          3_600_000 * MILLI);

  private HealthcheckParser() {}

  static HealthConfig parse(String args) {
    String rest = args.strip();
    long[] durations = new long[4];
    int retries = 0;
    boolean flags = false;
    while (rest.startsWith("--")) {
      int space = firstSpace(rest);
      String flag = rest.substring(2, space);
      rest = rest.substring(space).strip();
      int eq = flag.indexOf('=');
      String name = eq < 0 ? flag : flag.substring(0, eq);
      String value = eq < 0 ? "" : flag.substring(eq + 1);
      flags = true;
      switch (name) {
        case "interval" -> durations[0] = duration("--interval", value);
        case "timeout" -> durations[1] = duration("--timeout", value);
        case "start-period" -> durations[2] = duration("--start-period", value);
        case "start-interval" -> durations[3] = duration("--start-interval", value);
        case "retries" -> retries = retries(value);
        default -> throw new InvalidParameterException("Unknown flag: " + name);
      }
    }
    List<String> test = test(rest, flags);
    return new HealthConfig(test, durations[0], durations[1], durations[2], durations[3], retries);
  }

  /** {@code NONE} or {@code CMD ...} after the flags. */
  private static List<String> test(String rest, boolean flags) {
    if (rest.isEmpty()) {
      throw new InvalidParameterException("Missing command after HEALTHCHECK");
    }
    int space = firstSpace(rest);
    String type = rest.substring(0, space).toUpperCase(Locale.ROOT);
    String command = rest.substring(space).strip();
    return switch (type) {
      case "NONE" -> {
        if (!command.isEmpty() || flags) {
          throw new InvalidParameterException("HEALTHCHECK NONE takes no arguments");
        }
        yield List.of("NONE");
      }
      case "CMD" -> cmdTest(command);
      default ->
          throw new InvalidParameterException(
              "Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
    };
  }

  private static List<String> cmdTest(String command) {
    if (command.isEmpty()) {
      throw new InvalidParameterException("Missing command after HEALTHCHECK CMD");
    }
    List<String> json = ConfigChanges.jsonArray(command);
    List<String> test = new ArrayList<>();
    if (json != null) {
      test.add("CMD");
      test.addAll(json);
    } else {
      test.add("CMD-SHELL");
      test.add(command);
    }
    return test;
  }

  private static int retries(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new InvalidParameterException("--retries cannot be negative (" + n + ")");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid value for --retries: " + value, e);
    }
  }

  private static long duration(String flag, String value) {
    long d = parseDuration(value);
    if (d < 0) {
      throw new InvalidParameterException("Interval \"" + flag + "\" cannot be negative");
    }
    if (d != 0 && d < MILLI) {
      throw new InvalidParameterException("Interval \"" + flag + "\" cannot be less than 1ms");
    }
    return d;
  }

  /** A Go duration such as {@code 30s}, {@code 1m30s}, {@code 1.5h}, or {@code 0}. */
  static long parseDuration(String s) {
    String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    if (body.equals("0")) {
      return 0;
    }
    Matcher m = DURATION_PART.matcher(body);
    BigDecimal total = BigDecimal.ZERO;
    int at = 0;
    while (at < body.length()
        && m.find(at)
        && m.start() == at
        && !m.group(1).isEmpty()
        && !m.group(1).equals(".")) {
      total =
          total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNITS.get(m.group(2)))));
      at = m.end();
    }
    if (body.isEmpty() || at != body.length()) {
      throw new InvalidParameterException("time: invalid duration \"" + s + "\"");
    }
    long nanos = total.longValue();
    return s.startsWith("-") ? -nanos : nanos;
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return s.length();
  }
}
