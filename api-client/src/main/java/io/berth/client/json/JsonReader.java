package io.berth.client.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain maps (in key order), lists, strings, booleans, nulls and numbers ({@code
 * Long} when integral and short enough, else {@code BigInteger} or {@code BigDecimal}). Written by
 * hand because setting up even Jackson's streaming parser, let alone data binding, costs more than
 * a whole short CLI command should take from start to finish.
 */
public final class JsonReader {
  private final byte[] in;
  private int pos;

  private JsonReader(byte[] in) {
    this.in = in;
  }

  /**
   * Parses one JSON document; empty or blank input yields null. Malformed input raises {@link
   * IllegalArgumentException} naming the offset.
   */
  public static Object parse(byte[] json) {
    JsonReader p = new JsonReader(json);
    p.skipSpace();
    if (p.pos >= json.length) {
      return null;
    }
    Object v = p.value();
    p.skipSpace();
    if (p.pos < json.length) {
      throw p.error("unexpected data after the document");
    }
    return v;
  }

  /** Parses a JSON object; any other document yields an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(byte[] json) {
    return parse(json) instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  private Object value() {
    if (pos >= in.length) {
      throw error("unexpected end of JSON input");
    }
    byte c = in[pos];
    if (c == '{') {
      pos++;
      Map<String, Object> m = new LinkedHashMap<>();
      skipSpace();
      if (peek() == '}') {
        pos++;
        return m;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a string key");
        }
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        m.put(key, value());
        skipSpace();
        if (peek() == ',') {
          pos++;
          continue;
        }
        expect('}');
        return m;
      }
    }
    if (c == '[') {
      pos++;
      List<Object> l = new ArrayList<>();
      skipSpace();
      if (peek() == ']') {
        pos++;
        return l;
      }
      while (true) {
        skipSpace();
        l.add(value());
        skipSpace();
        if (peek() == ',') {
          pos++;
          continue;
        }
        expect(']');
        return l;
      }
    }
    if (c == '"') {
      return string();
    }
    if (literal("true")) {
      return Boolean.TRUE;
    }
    if (literal("false")) {
      return Boolean.FALSE;
    }
    if (literal("null")) {
      return null;
    }
    return number();
  }

  private Object number() {
    int start = pos;
    boolean integral = true;
    while (pos < in.length) {
      byte c = in[pos];
      if (c >= '0' && c <= '9' || c == '-' || c == '+') {
        pos++;
      } else if (c == '.' || c == 'e' || c == 'E') {
        integral = false;
        pos++;
      } else {
        break;
      }
    }
    if (start == pos) {
      throw error("invalid character '" + (char) in[pos] + "' looking for beginning of value");
    }
    String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
    try {
      if (integral) {
        return text.length() < 19 ? (Object) Long.parseLong(text) : new BigInteger(text);
      }
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw error("invalid number " + text);
    }
  }

  private String string() {
    pos++;
    int start = pos;
    while (pos < in.length && in[pos] != '"' && in[pos] != '\\') {
      pos++;
    }
    if (pos < in.length && in[pos] == '"') {
      return new String(in, start, pos++ - start, StandardCharsets.UTF_8);
    }
    // Escapes are rare in daemon output; only strings that have them take this path. Escapes are
    // ASCII, so the raw runs between them are whole UTF-8 sequences and decode on their own.
    StringBuilder sb = new StringBuilder(new String(in, start, pos - start, StandardCharsets.UTF_8));
    while (true) {
      if (pos >= in.length) {
        throw error("unterminated string");
      }
      if (in[pos] == '"') {
        pos++;
        return sb.toString();
      }
      if (in[pos] != '\\') {
        int run = pos;
        while (pos < in.length && in[pos] != '"' && in[pos] != '\\') {
          pos++;
        }
        sb.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
        continue;
      }
      pos++;
      if (pos >= in.length) {
        throw error("unterminated string");
      }
      char e = (char) in[pos++];
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          if (pos + 4 > in.length) {
            throw error("bad unicode escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(in[pos++], 16);
            if (d < 0) {
              throw error("bad unicode escape");
            }
            code = code << 4 | d;
          }
          sb.append((char) code);
        }
        default -> sb.append(e);
      }
    }
  }

  private boolean literal(String word) {
    int n = word.length();
    if (pos + n > in.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (in[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  private void skipSpace() {
    while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
      pos++;
    }
  }

  private int peek() {
    return pos < in.length ? in[pos] : -1;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String msg) {
    return new IllegalArgumentException("unable to read JSON from the daemon: " + msg + " at offset " + pos);
  }
}
