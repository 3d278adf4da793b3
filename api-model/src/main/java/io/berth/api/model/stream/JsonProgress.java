package io.berth.api.model.stream;

import io.berth.common.HumanSize;
import java.util.Map;

/**
 * The text of a progress record ({@code [=====>    ] 12.3MB/45.6MB 3s}), as Docker's jsonmessage
 * draws it: dockerd sends it in the deprecated {@code progress} field, the CLI draws it on a
 * terminal. Read from a {@code progressDetail} object.
 */
public record JsonProgress(long current, long total, long start, boolean hideCounts, String units) {
  /** Wider terminals get the bar; dockerd, which has none, draws it as if 200 columns wide. */
  public static final int NO_TERMINAL_WIDTH = 200;

  public static JsonProgress of(Map<String, Object> detail) {
    return new JsonProgress(number(detail.get("current")), number(detail.get("total")),
        number(detail.get("start")), Boolean.TRUE.equals(detail.get("hidecounts")),
        detail.get("units") instanceof String u ? u : "");
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  /** The text for a terminal {@code width} columns wide at {@code nowMillis}; empty when there is nothing to count. */
  public String text(int width, long nowMillis) {
    if (current <= 0 && total <= 0) {
      return "";
    }
    if (total <= 0) {
      return units.isEmpty() ? String.format("%8s", HumanSize.of(current, 4)) : current + " " + units;
    }
    int percentage = Math.min(50, (int) ((double) current / total * 100) / 2);
    String bar = "";
    if (width > 110) {
      bar = "[" + "=".repeat(percentage) + ">" + " ".repeat(Math.max(0, 50 - percentage)) + "] ";
    }
    String numbers = "";
    if (!hideCounts) {
      if (units.isEmpty()) {
        String cur = HumanSize.of(current, 4);
        numbers = current > total ? String.format("%8s", cur)
            : String.format("%8s/%s", cur, HumanSize.of(total, 4));
      } else {
        numbers = current > total ? current + " " + units : current + "/" + total + " " + units;
      }
    }
    String left = "";
    if (width > 50 && current > 0 && start > 0 && percentage < 50) {
      long fromStart = (nowMillis - start * 1000) * 1_000_000;
      long perEntry = fromStart / current;
      left = " " + goDuration(roundToSecond((total - current) * perEntry));
    }
    return bar + numbers + left;
  }

  /** Go's {@code Duration.Round(time.Second)}: halves away from zero. */
  private static long roundToSecond(long nanos) {
    long s = 1_000_000_000L;
    long r = nanos % s;
    if (nanos < 0) {
      return -roundToSecond(-nanos);
    }
    return r + r < s ? nanos - r : nanos + s - r;
  }

  /** Go's {@code Duration.String()} of whole seconds: {@code 0s}, {@code 45s}, {@code 1m5s}, {@code 2h0m3s}. */
  static String goDuration(long nanos) {
    long total = nanos / 1_000_000_000L;
    String sign = total < 0 ? "-" : "";
    total = Math.abs(total);
    long h = total / 3600;
    long m = total % 3600 / 60;
    long sec = total % 60;
    if (h > 0) {
      return sign + h + "h" + m + "m" + sec + "s";
    }
    if (m > 0) {
      return sign + m + "m" + sec + "s";
    }
    return sign + sec + "s";
  }
}
