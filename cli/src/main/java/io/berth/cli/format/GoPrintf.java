package io.berth.cli.format;

import java.util.List;

/** The part of Go's {@code fmt.Sprintf} that templates use: flags, width, precision, common verbs. */
final class GoPrintf {
  private GoPrintf() {}

  static String sprintf(String format, List<Object> args) {
    StringBuilder sb = new StringBuilder();
    int argi = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      if (++i >= format.length()) {
        sb.append("%!(NOVERB)");
        break;
      }
      boolean left = false;
      boolean zero = false;
      boolean plus = false;
      for (; i < format.length(); i++) {
        char f = format.charAt(i);
        if (f == '-') {
          left = true;
        } else if (f == '0') {
          zero = true;
        } else if (f == '+') {
          plus = true;
        } else if (f != ' ' && f != '#') {
          break;
        }
      }
      int width = -1;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        width = Math.max(width, 0) * 10 + (format.charAt(i++) - '0');
      }
      int prec = -1;
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        prec = 0;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          prec = prec * 10 + (format.charAt(i++) - '0');
        }
      }
      if (i >= format.length()) {
        sb.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i);
      if (verb == '%') {
        sb.append('%');
        continue;
      }
      if (argi >= args.size()) {
        sb.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object a = args.get(argi++);
      String s = switch (verb) {
        case 'd' -> a instanceof Number n ? (plus && n.longValue() >= 0 ? "+" : "") + n.longValue() : "%!d(" + GoValues.print(a) + ")";
        case 'q' -> GoValues.goQuote(TemplateFuncs.str(a));
        case 'x' -> a instanceof Number n ? Long.toHexString(n.longValue()) : hex(TemplateFuncs.str(a));
        case 'f' -> a instanceof Number n ? String.format("%." + (prec < 0 ? 6 : prec) + "f", n.doubleValue()) : "%!f(" + GoValues.print(a) + ")";
        case 't' -> GoValues.print(a);
        default -> {
          String v = GoValues.print(a);
          yield prec >= 0 && v.length() > prec ? v.substring(0, prec) : v;
        }
      };
      if (width > s.length()) {
        String pad = (zero && !left ? "0" : " ").repeat(width - s.length());
        s = left ? s + " ".repeat(width - s.length()) : pad + s;
      }
      sb.append(s);
    }
    if (argi < args.size()) {
      sb.append("%!(EXTRA ");
      for (int k = argi; k < args.size(); k++) {
        sb.append(k > argi ? ", " : "").append(GoValues.typeName(args.get(k))).append('=').append(GoValues.print(args.get(k)));
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static String hex(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
