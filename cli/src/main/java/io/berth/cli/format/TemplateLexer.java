package io.berth.cli.format;

import java.util.ArrayList;
import java.util.List;

/** Splits one {@code {{...}}} action of a template into tokens; tracks trim markers between them. */
final class TemplateLexer {
  /** A token: kind is field, chain, var, id, string, number, or the punctuation itself. */
  record Tok(int pos, String kind, String text) {}

  private final String src;
  // The parser itself rather than a method reference: that would be one more class to spin at start-up.
  private final TemplateParser parser;
  /** Where the text after the last action starts. */
  int pos;
  /** The last action ended with {@code -}}}, so the text after it loses its leading space. */
  boolean trimNext;

  TemplateLexer(String src, TemplateParser parser) {
    this.src = src;
    this.parser = parser;
  }

  /** Tokenizes one action from {@code start}; leaves {@code pos} after its closing braces. */
  List<Tok> lex(int start) {
    List<Tok> out = new ArrayList<>();
    int i = start;
    if (src.startsWith("/*", skipSpace(i))) {
      int endComment = src.indexOf("*/", skipSpace(i) + 2);
      if (endComment < 0) {
        throw parser.error("unclosed comment");
      }
      closeAction(skipSpace(endComment + 2));
      return out;
    }
    while (true) {
      i = skipSpace(i);
      if (i >= src.length()) {
        throw parser.error("unclosed action");
      }
      if (src.startsWith("}}", i)) {
        closeAction(i);
        return out;
      }
      if (src.startsWith("-}}", i) && i > start && isSpace(src.charAt(i - 1))) {
        closeAction(i);
        return out;
      }
      char c = src.charAt(i);
      int s = i;
      if (c == '"' || c == '`') {
        i = stringEnd(i);
        out.add(new Tok(s, "string", unquote(src.substring(s, i))));
      } else if (c == '\'') {
        int close = src.indexOf('\'', i + 1);
        if (close < 0) {
          throw parser.error("unterminated character constant");
        }
        i = close + 1;
        out.add(new Tok(s, "number", src.substring(s, i)));
      } else if (c == '.' && (i + 1 >= src.length() || !Character.isDigit(src.charAt(i + 1)))) {
        i = identEnd(i + 1, true);
        boolean glued = s > start && !isSpace(src.charAt(s - 1)) && src.charAt(s - 1) != '(';
        out.add(new Tok(s, glued && !out.isEmpty() ? "chain" : "field", src.substring(s, i)));
      } else if (c == '$') {
        i = identEnd(i + 1, true);
        out.add(new Tok(s, "var", src.substring(s, i)));
      } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)))) {
        i++;
        while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '.'
            || ((src.charAt(i) == '-' || src.charAt(i) == '+') && (src.charAt(i - 1) == 'e' || src.charAt(i - 1) == 'E')))) {
          i++;
        }
        out.add(new Tok(s, "number", src.substring(s, i)));
      } else if (Character.isLetter(c) || c == '_') {
        i = identEnd(i, false);
        out.add(new Tok(s, "id", src.substring(s, i)));
      } else if (src.startsWith(":=", i)) {
        i += 2;
        out.add(new Tok(s, ":=", ":="));
      } else if (c == '|' || c == '(' || c == ')' || c == ',' || c == '=') {
        i++;
        out.add(new Tok(s, String.valueOf(c), String.valueOf(c)));
      } else {
        throw parser.error("unexpected \"" + c + "\" in command");
      }
    }
  }

  private void closeAction(int i) {
    if (src.startsWith("-}}", i)) {
      trimNext = true;
      pos = i + 3;
    } else if (src.startsWith("}}", i)) {
      pos = i + 2;
    } else {
      throw parser.error("unclosed action");
    }
  }

  private int identEnd(int i, boolean allowDots) {
    while (i < src.length()) {
      char c = src.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || (allowDots && c == '.'
          && i + 1 < src.length() && (Character.isLetterOrDigit(src.charAt(i + 1)) || src.charAt(i + 1) == '_'))) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private int stringEnd(int i) {
    char q = src.charAt(i);
    i++;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\\' && q == '"') {
        i += 2;
        continue;
      }
      if (c == q) {
        return i + 1;
      }
      if (c == '\n' && q == '"') {
        break;
      }
      i++;
    }
    throw parser.error("unterminated quoted string");
  }

  private static String unquote(String s) {
    if (s.charAt(0) == '`') {
      return s.substring(1, s.length() - 1);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '\\' -> sb.append('\\');
        case '"' -> sb.append('"');
        case '\'' -> sb.append('\'');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'x' -> {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> sb.append('\\').append(n);
      }
    }
    return sb.toString();
  }

  private int skipSpace(int i) {
    while (i < src.length() && isSpace(src.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static String stripTrailing(String s) {
    int e = s.length();
    while (e > 0 && isSpace(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(0, e);
  }
}
