package io.berth.image.config;

import io.berth.common.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Dockerfile word lexer for instructions that allow variable substitution (ENV, LABEL, WORKDIR,
 * USER, EXPOSE, VOLUME, STOPSIGNAL): quotes and backslash escapes are removed and {@code $VAR},
 * {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:+alt}} are replaced from the image's
 * environment as built so far.
 */
final class ShellWords {
  private static final char ESCAPE = '\\';

  private final Map<String, String> env;
  private String in;
  private int pos;

  ShellWords(Map<String, String> env) {
    this.env = env;
  }

  /** Splits at unquoted whitespace, then processes each word. */
  List<String> words(String s) {
    return lex(s, true);
  }

  /** Processes {@code s} as one word, keeping its whitespace. */
  String word(String s) {
    List<String> w = lex(s, false);
    return w.isEmpty() ? "" : w.getFirst();
  }

  private List<String> lex(String s, boolean split) {
    in = s;
    pos = 0;
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    while (pos < in.length()) {
      char c = in.charAt(pos++);
      if (split && Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      switch (c) {
        case '\'' -> singleQuoted(cur);
        case '"' -> doubleQuoted(cur);
        case '$' -> cur.append(variable());
        case ESCAPE -> {
          if (pos < in.length()) {
            cur.append(in.charAt(pos++));
          }
        }
        default -> cur.append(c);
      }
    }
    if (inWord || !split) {
      words.add(cur.toString());
    }
    return words;
  }

  private void singleQuoted(StringBuilder cur) {
    int end = in.indexOf('\'', pos);
    if (end < 0) {
      throw new InvalidParameterException(
          "unexpected end of statement while looking for matching single-quote");
    }
    cur.append(in, pos, end);
    pos = end + 1;
  }

  private void doubleQuoted(StringBuilder cur) {
    while (pos < in.length()) {
      char c = in.charAt(pos++);
      if (c == '"') {
        return;
      }
      if (c == '$') {
        cur.append(variable());
      } else if (c == ESCAPE && pos < in.length() && "\"$\\".indexOf(in.charAt(pos)) >= 0) {
        cur.append(in.charAt(pos++));
      } else {
        cur.append(c);
      }
    }
    throw new InvalidParameterException(
        "unexpected end of statement while looking for matching double-quote");
  }

  private String variable() {
    if (pos < in.length() && in.charAt(pos) == '{') {
      return braced();
    }
    int start = pos;
    while (pos < in.length() && isNameChar(in.charAt(pos), pos == start)) {
      pos++;
    }
    if (pos == start) {
      return "$";
    }
    return env.getOrDefault(in.substring(start, pos), "");
  }

  private String braced() {
    int close = in.indexOf('}', pos);
    if (close < 0) {
      throw new InvalidParameterException("missing '}' in variable substitution");
    }
    String body = in.substring(pos + 1, close);
    pos = close + 1;
    int op = 0;
    while (op < body.length() && isNameChar(body.charAt(op), op == 0)) {
      op++;
    }
    String name = body.substring(0, op);
    if (name.isEmpty()) {
      throw new InvalidParameterException("bad substitution: ${" + body + "}");
    }
    String value = env.get(name);
    String rest = body.substring(op);
    if (rest.isEmpty()) {
      return value == null ? "" : value;
    }
    boolean colon = rest.charAt(0) == ':';
    int opIndex = colon ? 1 : 0;
    if (rest.length() <= opIndex) {
      throw new InvalidParameterException("bad substitution: ${" + body + "}");
    }
    String arg = new ShellWords(env).word(rest.substring(opIndex + 1));
    boolean set = colon ? value != null && !value.isEmpty() : value != null;
    return switch (rest.charAt(opIndex)) {
      case '-' -> set ? value : arg;
      case '+' -> set ? arg : "";
      default -> throw new InvalidParameterException("unsupported modifier in ${" + body + "}");
    };
  }

  private static boolean isNameChar(char c, boolean first) {
    return c == '_'
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (!first && c >= '0' && c <= '9');
  }
}
