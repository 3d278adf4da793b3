package io.berth.common.filter;

import java.util.regex.Pattern;

/**
 * Shell patterns as Go's {@code path.Match} reads them, which Docker's reference filters use:
 * {@code *} is any run of characters but '/', {@code ?} one such character, {@code [...]} a class
 * ({@code [^...]} negated), and a backslash quotes the next character.
 */
public final class Glob {
  private Glob() {}

  public static boolean matches(String pattern, String name) {
    Pattern re = compile(pattern);
    return re != null && re.matcher(name).matches();
  }

  /** Null for a malformed pattern, which Go reports as an error and Docker as no match. */
  static Pattern compile(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '\\' -> {
          if (++i >= pattern.length()) {
            return null;
          }
          re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
        }
        case '[' -> {
          int end = pattern.indexOf(']', i + 2);
          if (end < 0) {
            return null;
          }
          String body = pattern.substring(i + 1, end);
          boolean negated = body.startsWith("^");
          if (negated) {
            body = body.substring(1);
          }
          re.append(negated ? "[^/" : "[");
          for (char b : body.toCharArray()) {
            re.append(b == '-' ? "-" : Character.isLetterOrDigit(b) ? String.valueOf(b) : "\\" + b);
          }
          re.append(']');
          i = end;
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
