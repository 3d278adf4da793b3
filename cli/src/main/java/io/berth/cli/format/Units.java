package io.berth.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Human-readable durations and sizes with the exact rounding of the docker CLI, whose tables users
 * and scripts compare byte for byte.
 */
public final class Units {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

  private Units() {}

  /** {@code 3 seconds}, {@code About a minute}, {@code 2 weeks}: the words of {@code docker ps}. */
  public static String humanDuration(Duration d) {
    return io.berth.common.HumanDuration.of(d);
  }

  /** Decimal units with {@code precision} significant digits: {@code 4.26MB}, {@code 0B}. */
  public static String humanSize(double size, int precision) {
    int i = 0;
    while (size >= 1000.0 && i < DECIMAL.length - 1) {
      size /= 1000.0;
      i++;
    }
    return formatG(size, precision) + DECIMAL[i];
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

  /**
   * Go's {@code %.Ng}: N significant digits, trailing zeros dropped, exponent form once the
   * exponent reaches N (so 999.95 kB prints as {@code 1e+03kB}, as docker does).
   */
  static String formatG(double value, int prec) {
    StringBuilder sb = new StringBuilder();
    if (value < 0 || (value == 0 && 1 / value < 0)) {
      sb.append('-');
      value = -value;
    }
    BigDecimal r = new BigDecimal(value).round(new MathContext(prec, RoundingMode.HALF_EVEN));
    String digits;
    int dp;
    if (r.signum() == 0) {
      digits = "";
      dp = 0;
    } else {
      r = r.stripTrailingZeros();
      digits = r.unscaledValue().toString();
      dp = digits.length() - r.scale();
    }
    int nd = digits.length();
    int eprec = prec;
    if (eprec > nd && nd >= dp) {
      eprec = nd;
    }
    int exp = dp - 1;
    if (exp < -4 || exp >= eprec) {
      int p = Math.min(prec, nd);
      sb.append(nd == 0 ? '0' : digits.charAt(0));
      if (p - 1 > 0) {
        sb.append('.');
        for (int i = 1; i < p; i++) {
          sb.append(i < nd ? digits.charAt(i) : '0');
        }
      }
      int e = nd == 0 ? 0 : exp;
      sb.append('e').append(e < 0 ? '-' : '+');
      int abs = Math.abs(e);
      if (abs < 10) {
        sb.append('0');
      }
      sb.append(abs);
      return sb.toString();
    }
    int p = prec > dp ? nd : prec;
    int decimals = Math.max(p - dp, 0);
    if (dp > 0) {
      for (int i = 0; i < dp; i++) {
        sb.append(i < nd ? digits.charAt(i) : '0');
      }
    } else {
      sb.append('0');
    }
    if (decimals > 0) {
      sb.append('.');
      for (int i = 0; i < decimals; i++) {
        int idx = dp + i;
        sb.append(idx >= 0 && idx < nd ? digits.charAt(idx) : '0');
      }
    }
    return sb.toString();
  }
}
