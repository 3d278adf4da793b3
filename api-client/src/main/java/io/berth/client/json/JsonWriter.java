package io.berth.client.json;

import java.nio.charset.StandardCharsets;

/**
 * Writes one compact JSON document in the order of the calls, for request bodies on paths that
 * must start fast (see {@link JsonReader} for why not Jackson). Separators are inserted as needed;
 * the caller is trusted to balance objects and arrays and to give every member a name.
 *
 * <p>Strings are escaped as Jackson escapes them, so a request built here is byte for byte what the
 * data-binding code sent: {@code \"}, {@code \\}, short escapes for {@code \b \t \n \f \r}, other
 * control characters and all surrogates as {@code \}{@code uXXXX}, everything else as UTF-8.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder sb = new StringBuilder(512);
  // One flag suffices for any depth: a container starts empty, and once it ends the enclosing
  // container has just received a value, so the next sibling always needs a comma.
  private boolean comma;

  public JsonWriter beginObject() {
    separate();
    sb.append('{');
    comma = false;
    return this;
  }

  public JsonWriter endObject() {
    sb.append('}');
    comma = true;
    return this;
  }

  public JsonWriter beginArray() {
    separate();
    sb.append('[');
    comma = false;
    return this;
  }

  public JsonWriter endArray() {
    sb.append(']');
    comma = true;
    return this;
  }

  /** The next member's name; its value follows with the next call. */
  public JsonWriter name(String name) {
    separate();
    quote(sb, name).append(':');
    comma = false;
    return this;
  }

  /** A string, or {@code null} for a null reference. */
  public JsonWriter value(String s) {
    separate();
    if (s == null) {
      sb.append("null");
    } else {
      quote(sb, s);
    }
    comma = true;
    return this;
  }

  public JsonWriter value(boolean b) {
    separate();
    sb.append(b);
    comma = true;
    return this;
  }

  public JsonWriter value(long n) {
    separate();
    sb.append(n);
    comma = true;
    return this;
  }

  public JsonWriter nullValue() {
    return value((String) null);
  }

  /** Shorthand for {@code name(name).value(s)}. */
  public JsonWriter member(String name, String s) {
    return name(name).value(s);
  }

  public JsonWriter member(String name, boolean b) {
    return name(name).value(b);
  }

  /** An array of strings; a null list writes {@code null}. */
  public JsonWriter array(Iterable<String> values) {
    if (values == null) {
      return nullValue();
    }
    beginArray();
    for (String v : values) {
      value(v);
    }
    return endArray();
  }

  /** The document as UTF-8, ready to send. */
  public byte[] toBytes() {
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  private void separate() {
    if (comma) {
      sb.append(',');
    }
  }

  /** Appends {@code s} as a JSON string literal. */
  public static StringBuilder quote(StringBuilder sb, String s) {
    sb.append('"');
    int run = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      sb.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\f' -> sb.append("\\f");
        case '\r' -> sb.append("\\r");
        // Surrogates are escaped too: a lone one has no UTF-8 form and would turn into '?'.
        default -> sb.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
            .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
      }
    }
    return sb.append(s, run, n).append('"');
  }
}
