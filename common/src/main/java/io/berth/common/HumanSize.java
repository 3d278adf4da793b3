package io.berth.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Docker's human-readable sizes ({@code 4.26MB}, {@code 0B}) with the exact rounding of Go's
 * go-units: the CLI's tables and the daemon's progress text are compared byte for byte.
 */
public final class HumanSize {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

  private HumanSize() {}

  /** Decimal units with {@code precision} significant digits (go-units' HumanSize uses 4). */
  public static String of(double size, int precision) {
    int i = 0;
    while (size >= 1000.0 && i < DECIMAL.length - 1) {
      size /= 1000.0;
      i++;
    }
    return formatG(size, precision) + DECIMAL[i];
  }

  /**
   * Go's {@code %.Ng}: N significant digits, trailing zeros dropped, exponent form once the
   * exponent reaches N (so 999.95 kB prints as {@code 1e+03kB}, as docker does).
   */
  public static String formatG(double value, int prec) {
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
