package io.berth.client.json;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Successive JSON objects or arrays on one stream, with or without whitespace between them, as in
 * the daemon's progress streams. Each value is handed out as soon as its last byte has arrived, so
 * progress shows while the daemon is still working.
 */
public final class JsonSequence {
  /** What {@link #next} returns at the end of the stream; null is a JSON value. */
  public static final Object END = new Object();

  private final InputStream in;
  private final byte[] buf = new byte[8192];
  private int pos;
  private int limit;
  private byte[] doc = new byte[1024];
  private int docLength;

  public JsonSequence(InputStream in) {
    this.in = in;
  }

  /**
   * The next value as {@link JsonReader} reads it, or {@link #END}.
   *
   * @throws EOFException when the stream ends inside a value
   * @throws IllegalArgumentException for anything but an object or array at the top level
   */
  public Object next() throws IOException {
    int c;
    do {
      c = read();
      if (c < 0) {
        return END;
      }
    } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    if (c != '{' && c != '[') {
      throw new IllegalArgumentException("unable to read JSON from the daemon: invalid character '" + (char) c
          + "' looking for beginning of value");
    }
    docLength = 0;
    append(c);
    int depth = 1;
    boolean inString = false;
    boolean escaped = false;
    while (depth > 0) {
      c = read();
      if (c < 0) {
        throw new EOFException("unable to read JSON from the daemon: unexpected end of JSON input");
      }
      append(c);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return JsonReader.parse(Arrays.copyOf(doc, docLength));
  }

  private int read() throws IOException {
    if (pos == limit) {
      int n;
      do {
        n = in.read(buf);
      } while (n == 0);
      if (n < 0) {
        return -1;
      }
      pos = 0;
      limit = n;
    }
    return buf[pos++] & 0xff;
  }

  private void append(int c) {
    if (docLength == doc.length) {
      doc = Arrays.copyOf(doc, doc.length * 2);
    }
    doc[docLength++] = (byte) c;
  }
}
