package io.berth.cli.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Go's {@code fmt} and {@code encoding/json} render the values templates handle, so that
 * {@code {{.Config.Cmd}}} prints {@code [sh -c x]} and {@code {{json .}}} matches docker's bytes.
 */
public final class GoValues {
  /** A missing map entry: prints {@code <no value>} and is false. */
  public static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "<no value>";
    }
  };

  private GoValues() {}

  /** {@code fmt.Sprint(v)}. */
  public static String print(Object v) {
    StringBuilder sb = new StringBuilder();
    print(sb, v, true);
    return sb.toString();
  }

  // instanceof chains rather than pattern switches here and below: see TemplateExec.walk.
  private static void print(StringBuilder sb, Object v, boolean top) {
    if (v == null) {
      sb.append("<nil>");
    } else if (v instanceof String s) {
      sb.append(s);
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        print(sb, list.get(i), false);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      sb.append("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        if (!first) {
          sb.append(' ');
        }
        first = false;
        sb.append(e.getKey()).append(':');
        print(sb, e.getValue(), false);
      }
      sb.append(']');
    } else if (v instanceof Double d) {
      sb.append(formatFloat(d));
    } else if (v instanceof TemplateObject o) {
      sb.append('{');
      boolean first = true;
      for (Object x : o.toJson().values()) {
        if (!first) {
          sb.append(' ');
        }
        first = false;
        print(sb, x, false);
      }
      sb.append('}');
    } else {
      sb.append(v);
    }
  }

  /** Go's truth: false, zero, nil, and empty strings, lists and maps are false. */
  public static boolean truth(Object v) {
    if (v == null || v == NO_VALUE) {
      return false;
    } else if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof String s) {
      return !s.isEmpty();
    } else if (v instanceof Long n) {
      return n != 0;
    } else if (v instanceof Double d) {
      return d != 0;
    } else if (v instanceof BigInteger n) {
      return n.signum() != 0;
    } else if (v instanceof BigDecimal d) {
      return d.signum() != 0;
    } else if (v instanceof List<?> l) {
      return !l.isEmpty();
    } else if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  static String typeName(Object v) {
    if (v == null) {
      return "interface {}";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof Long) {
      return "int";
    } else if (v instanceof Double || v instanceof BigDecimal) {
      return "float64";
    } else if (v instanceof List<?>) {
      return "[]interface {}";
    } else if (v instanceof Map<?, ?>) {
      return "map[string]interface {}";
    } else if (v instanceof TemplateObject o) {
      return o.typeName();
    }
    return v.getClass().getSimpleName();
  }

  /** {@code json.Marshal} without HTML escaping, as docker's {@code json} template function. */
  public static String json(Object v) {
    StringBuilder sb = new StringBuilder();
    json(sb, v);
    return sb.toString();
  }

  private static void json(StringBuilder sb, Object v) {
    if (v == null || v == NO_VALUE) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Double d) {
      sb.append(formatFloat(d));
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        json(sb, list.get(i));
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        quote(sb, String.valueOf(e.getKey()));
        sb.append(':');
        json(sb, e.getValue());
        if (it.hasNext()) {
          sb.append(',');
        }
      }
      sb.append('}');
    } else if (v instanceof TemplateObject o) {
      json(sb, o.toJson());
    } else {
      sb.append(v);
    }
  }

  /** Go's JSON string escaping with HTML escaping off. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\u2028' -> sb.append("\\u2028");
        case '\u2029' -> sb.append("\\u2029");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** {@code strconv.Quote}: Go-syntax double-quoted string. */
  public static String goQuote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        // A lone surrogate: Go's JSON decoder turns it into U+FFFD, which is printable
        cp = 0xFFFD;
      }
      if (cp == '"' || cp == '\\') {
        sb.append('\\').append((char) cp);
      } else if (isPrint(cp)) {
        sb.appendCodePoint(cp);
      } else {
        switch (cp) {
          case 7 -> sb.append("\\a");
          case '\b' -> sb.append("\\b");
          case '\f' -> sb.append("\\f");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          case 11 -> sb.append("\\v");
          default -> {
            if (cp < ' ' || cp == 0x7f) {
              hex(sb.append("\\x"), cp, 2);
            } else if (cp < 0x10000) {
              hex(sb.append("\\u"), cp, 4);
            } else {
              hex(sb.append("\\U"), cp, 8);
            }
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static void hex(StringBuilder sb, int v, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      sb.append(Character.forDigit((v >> shift) & 0xf, 16));
    }
  }

  /**
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
   * space; other spaces, controls, format characters and unassigned code points are escaped.
   */
  static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7f;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION -> true;
      default -> false;
    };
  }

  /** Go's shortest float formatting ({@code %v} and JSON agree for ordinary magnitudes). */
  static String formatFloat(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return BigDecimal.valueOf(d).toBigInteger().toString();
    }
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return Double.toString(d).replace("E", "e");
  }

  /** Compares numbers by value and everything else by equality; used by eq/ne/lt. */
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a == null || b == null || a == NO_VALUE || b == NO_VALUE) {
      return (a == null || a == NO_VALUE) && (b == null || b == NO_VALUE) ? 0 : 1;
    }
    if (a instanceof Boolean && b instanceof Boolean) {
      return a.equals(b) ? 0 : 1;
    }
    if (a.getClass() != b.getClass() && !(a instanceof List && b instanceof List)) {
      throw new IllegalArgumentException("incompatible types for comparison");
    }
    return a.equals(b) ? 0 : 1;
  }
}
