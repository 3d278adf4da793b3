package io.berth.http.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Parses a response head and frames the body that follows it. */
final class Framing {
  private Framing() {}

  /** A status line and its headers (first value of each, names case-insensitive). */
  record Head(int status, String reason, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name);
    }

    boolean chunked() {
      String te = headers.get("Transfer-Encoding");
      return te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    long contentLength() {
      String cl = headers.get("Content-Length");
      if (cl == null) {
        return -1;
      }
      try {
        return Long.parseLong(cl.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }

  /** Reads a response head, skipping interim 1xx responses other than 101. */
  static Head readHead(Wire wire) throws IOException {
    while (true) {
      String statusLine = wire.readLine();
      if (statusLine == null) {
        throw new EOFException("server closed the connection without a response");
      }
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("malformed status line: " + statusLine);
      }
      int status;
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("malformed status line: " + statusLine, e);
      }
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      String line;
      while ((line = wire.readLine()) != null && !line.isEmpty()) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
      }
      if (line == null) {
        throw new EOFException("connection closed in the response headers");
      }
      if (status / 100 != 1 || status == 101) {
        return new Head(status, parts.length > 2 ? parts[2] : "", headers);
      }
    }
  }

  /** The body as the head frames it; the stream's close closes the connection. */
  static InputStream body(Wire wire, Head head, String method) {
    int s = head.status();
    if (method.equals("HEAD") || s / 100 == 1 || s == 204 || s == 304) {
      return new Limited(wire, 0);
    }
    if (head.chunked()) {
      return new Chunked(wire);
    }
    long length = head.contentLength();
    return length >= 0 ? new Limited(wire, length) : wire.in();
  }

  private abstract static class WireStream extends InputStream {
    final Wire wire;

    WireStream(Wire wire) {
      this.wire = wire;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() throws IOException {
      wire.close();
    }
  }

  /** Exactly {@code left} bytes, then end of stream. */
  private static final class Limited extends WireStream {
    private long left;

    Limited(Wire wire, long length) {
      super(wire);
      this.left = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (left == 0) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = wire.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("connection closed with " + left + " body bytes missing");
      }
      left -= n;
      return n;
    }
  }

  /**
   * Dechunks. A read returns as soon as part of a chunk is there and never waits for the next
   * chunk's header, so a streamed response is seen as it is written.
   */
  private static final class Chunked extends WireStream {
    private long left;
    private boolean done;

    Chunked(Wire wire) {
      super(wire);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return done ? -1 : 0;
      }
      while (left <= 0) {
        if (done || !nextChunk()) {
          return -1;
        }
      }
      int n = wire.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("connection closed inside a chunk");
      }
      left -= n;
      if (left == 0) {
        left = -1; // the CRLF after the data comes before the next size line
      }
      return n;
    }

    private boolean nextChunk() throws IOException {
      if (left < 0) {
        String crlf = wire.readLine();
        if (crlf == null || !crlf.isEmpty()) {
          throw new IOException("malformed chunked body");
        }
      }
      String line = wire.readLine();
      if (line == null) {
        throw new EOFException("connection closed before the last chunk");
      }
      int semi = line.indexOf(';');
      String size = (semi < 0 ? line : line.substring(0, semi)).trim();
      try {
        left = Long.parseLong(size, 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size: " + line, e);
      }
      if (left < 0) {
        throw new IOException("malformed chunk size: " + line);
      }
      if (left == 0) {
        String trailer;
        do {
          trailer = wire.readLine();
        } while (trailer != null && !trailer.isEmpty());
        done = true;
        return false;
      }
      return true;
    }
  }
}
