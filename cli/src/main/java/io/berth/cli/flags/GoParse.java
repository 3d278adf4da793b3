package io.berth.cli.flags;

/**
 * Go's number parsing as pflag and docker's option types apply it to flag values, with Go's
 * error words: {@code strconv.ParseInt: parsing "x": invalid syntax}, {@code invalid size: 'x'}.
 * Every method throws {@link IllegalArgumentException} carrying that text.
 */
public final class GoParse {
  private GoParse() {}

  /** {@code strconv.ParseInt(s, 0, 64)}: pflag's int and int64; base prefixes and underscores allowed. */
  public static long parseInt(String s) {
    String fn = "strconv.ParseInt";
    if (s.isEmpty()) {
      throw syntax(fn, s);
    }
    boolean neg = false;
    String u = s;
    if (u.charAt(0) == '+' || u.charAt(0) == '-') {
      neg = u.charAt(0) == '-';
      u = u.substring(1);
    }
    long n = parseUint(fn, s, u, 0, 64);
    if (!neg && n < 0 || neg && n < 0 && n != Long.MIN_VALUE) {
      throw range(fn, s);
    }
    return neg ? -n : n;
  }

  /** {@code strconv.ParseUint(s, base, bitSize)}; a 64-bit result above Long.MAX_VALUE comes back negative. */
  public static long parseUint(String s, int base, int bitSize) {
    return parseUint("strconv.ParseUint", s, s, base, bitSize);
  }

  private static long parseUint(String fn, String original, String s, int base, int bitSize) {
    if (s.isEmpty()) {
      throw syntax(fn, original);
    }
    boolean base0 = base == 0;
    String digits = s;
    if (base0) {
      base = 10;
      if (s.charAt(0) == '0') {
        char c1 = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
        if (c1 == 'b' || c1 == 'o' || c1 == 'x') {
          base = c1 == 'b' ? 2 : c1 == 'o' ? 8 : 16;
          digits = s.substring(2);
        } else {
          base = 8;
          digits = s.substring(1);
        }
      }
    }
    // Unsigned arithmetic: 64-bit values up to 2^64-1 are kept in a long's bits.
    long max = bitSize >= 64 ? -1L : (1L << bitSize) - 1;
    long n = 0;
    boolean underscores = false;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      int d;
      if (c == '_' && base0) {
        underscores = true;
        continue;
      } else if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'z') {
        d = Character.toLowerCase(c) - 'a' + 10;
      } else {
        throw syntax(fn, original);
      }
      if (d >= base) {
        throw syntax(fn, original);
      }
      if (Long.compareUnsigned(n, Long.divideUnsigned(max, base)) > 0) {
        throw range(fn, original);
      }
      long n1 = n * base + d;
      if (Long.compareUnsigned(n1, n) < 0 || Long.compareUnsigned(n1, max) > 0) {
        throw range(fn, original);
      }
      n = n1;
    }
    if (underscores && !underscoreOk(s)) {
      throw syntax(fn, original);
    }
    return n;
  }

  /** Go's rule for {@code _} in a number: only between digits, or right after a base prefix. */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char c1 = Character.toLowerCase(s.charAt(1));
      if (c1 == 'b' || c1 == 'o' || c1 == 'x') {
        i = 2;
        saw = '0';
        hex = c1 == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char l = Character.toLowerCase(c);
      if (c >= '0' && c <= '9' || hex && l >= 'a' && l <= 'f') {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  /**
   * {@code strconv.ParseFloat(s, 64)} for decimal numbers ({@code 1}, {@code -.5}, {@code 1e3},
   * {@code 1_000}); hexadecimal floats, {@code inf} and {@code nan} are refused as invalid syntax.
   */
  public static double parseFloat(String s) {
    String fn = "strconv.ParseFloat";
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int mantissa = 0;
    boolean dot = false;
    boolean underscores = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissa++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else if (c == '_') {
        underscores = true;
      } else {
        break;
      }
    }
    if (mantissa == 0) {
      throw syntax(fn, s);
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      for (; i < n && (s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) == '_'); i++) {
        underscores |= s.charAt(i) == '_';
        exp++;
      }
      if (exp == 0) {
        throw syntax(fn, s);
      }
    }
    if (i != n || underscores && !underscoreOk(s.charAt(0) == '+' || s.charAt(0) == '-' ? s.substring(1) : s)) {
      throw syntax(fn, s);
    }
    double d = Double.parseDouble(underscores ? s.replace("_", "") : s);
    if (Double.isInfinite(d)) {
      throw range(fn, s);
    }
    return d;
  }

  /**
   * go-units' {@code RAMInBytes}, behind docker's {@code bytes} flags ({@code --shm-size},
   * {@code --memory}): a number, an optional space, and k, m, g, t or p in powers of 1024,
   * optionally followed by {@code b} or {@code ib}, in any case.
   */
  public static long ramInBytes(String s) {
    int sep = -1;
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || c == '.' || c == ' ') {
        sep = i;
        break;
      }
    }
    if (sep == -1) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    String num = s.charAt(sep) != ' ' ? s.substring(0, sep + 1) : s.substring(0, sep);
    String sfx = s.substring(sep + 1);
    double size = parseFloat(num);
    if (size < 0) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    if (sfx.isEmpty()) {
      return (long) size;
    }
    String lower = sfx.toLowerCase(java.util.Locale.ROOT);
    if (sfx.length() > 3) {
      throw new IllegalArgumentException("invalid suffix: '" + sfx + "'");
    }
    if (lower.charAt(0) == 'b') {
      if (lower.length() > 1) {
        throw new IllegalArgumentException("invalid suffix: '" + lower + "'");
      }
      return (long) size;
    }
    int shift = switch (lower.charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      case 't' -> 40;
      case 'p' -> 50;
      default -> -1;
    };
    if (shift < 0 || lower.length() == 2 && lower.charAt(1) != 'b'
        || lower.length() == 3 && !lower.substring(1).equals("ib")) {
      throw new IllegalArgumentException("invalid suffix: '" + lower + "'");
    }
    return (long) (size * (1L << shift));
  }

  /**
   * {@code time.ParseDuration}: a sign, then numbers with units (ns, us, µs, ms, s, m, h), as in
   * {@code 1m30s} or {@code 1.5s}; in nanoseconds. Fails with Go's words.
   */
  public static long duration(String s) {
    String d = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    boolean negative = s.startsWith("-");
    if (d.equals("0")) {
      return 0;
    }
    if (d.isEmpty()) {
      throw new IllegalArgumentException("time: invalid duration \"" + s + "\"");
    }
    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
    int i = 0;
    while (i < d.length()) {
      int start = i;
      while (i < d.length() && (Character.isDigit(d.charAt(i)) || d.charAt(i) == '.')) {
        i++;
      }
      if (start == i || d.substring(start, i).equals(".")) {
        throw new IllegalArgumentException("time: invalid duration \"" + s + "\"");
      }
      java.math.BigDecimal n = new java.math.BigDecimal(d.substring(start, i));
      int unit = i;
      while (i < d.length() && !Character.isDigit(d.charAt(i)) && d.charAt(i) != '.') {
        i++;
      }
      String u = d.substring(unit, i);
      long scale = switch (u) {
        case "ns" -> 1L;
        case "us", "µs", "μs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        case "" -> throw new IllegalArgumentException("time: missing unit in duration \"" + s + "\"");
        default -> throw new IllegalArgumentException("time: unknown unit \"" + u + "\" in duration \"" + s + "\"");
      };
      total = total.add(n.multiply(java.math.BigDecimal.valueOf(scale)));
    }
    long v = total.longValue();
    return negative ? -v : v;
  }

  /** Whether a Go duration ({@code 0}, {@code 0s}, {@code 1m30s}) is zero; false when it does not parse. */
  public static boolean isZeroDuration(String s) {
    String d = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    if (d.equals("0")) {
      return true;
    }
    if (d.isEmpty()) {
      return false;
    }
    boolean zero = true;
    int i = 0;
    while (i < d.length()) {
      int start = i;
      boolean digits = false;
      while (i < d.length() && (Character.isDigit(d.charAt(i)) || d.charAt(i) == '.')) {
        char c = d.charAt(i);
        digits |= c != '.';
        zero &= c == '0' || c == '.';
        i++;
      }
      if (!digits || start == i) {
        return false;
      }
      int unit = i;
      while (i < d.length() && !Character.isDigit(d.charAt(i)) && d.charAt(i) != '.') {
        i++;
      }
      switch (d.substring(unit, i)) {
        case "ns", "us", "µs", "μs", "ms", "s", "m", "h" -> {}
        default -> {
          return false;
        }
      }
    }
    return zero;
  }

  private static IllegalArgumentException syntax(String fn, String s) {
    return new IllegalArgumentException(fn + ": parsing \"" + s + "\": invalid syntax");
  }

  private static IllegalArgumentException range(String fn, String s) {
    return new IllegalArgumentException(fn + ": parsing \"" + s + "\": value out of range");
  }
}
