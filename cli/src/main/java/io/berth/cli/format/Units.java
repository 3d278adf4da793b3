package io.berth.cli.format;

import java.time.Duration;

/**
 * Human-readable durations and sizes with the exact rounding of the docker CLI, whose tables users
 * and scripts compare byte for byte.
 */
public final class Units {
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

  private Units() {}

  /** {@code 3 seconds}, {@code About a minute}, {@code 2 weeks}: the words of {@code docker ps}. */
  public static String humanDuration(Duration d) {
    return io.berth.common.HumanDuration.of(d);
  }

  /** Decimal units with {@code precision} significant digits: {@code 4.26MB}, {@code 0B}. */
  public static String humanSize(double size, int precision) {
    return io.berth.common.HumanSize.of(size, precision);
  }

  /** Binary units with four significant digits: {@code 23.47GiB}. */
  public static String bytesSize(double size) {
    int i = 0;
    while (size >= 1024.0 && i < BINARY.length - 1) {
      size /= 1024.0;
      i++;
    }
    return formatG(size, 4) + BINARY[i];
  }

  static String formatG(double value, int prec) {
    return io.berth.common.HumanSize.formatG(value, prec);
  }
}
