package io.berth.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Headers until the first write; then either a Content-Length body, a chunked body, or (for an
 * HTTP/1.0 client) a body that ends when the connection does. Every write is flushed.
 */
final class ServerResponse implements HttpResponse {
  private final Connection conn;
  private final ServerRequest request;
  private final HttpHeaders headers = new DefaultHttpHeaders();
  private final Body body = new Body();
  private int status = 200;
  /** Read without the lock: a writer blocked on a slow client holds it. */
  private volatile boolean committed;
  private boolean finished;
  private boolean keepAlive;
  private long declaredLength = -1;
  private long written;
  private RawHijacked hijacked;

  ServerResponse(Connection conn, ServerRequest request) {
    this.conn = conn;
    this.request = request;
    this.keepAlive = request.keepAlive();
  }

  @Override
  public synchronized void status(int code) {
    checkNotCommitted();
    this.status = code;
  }

  @Override
  public synchronized void header(String name, String value) {
    checkNotCommitted();
    if (value == null) {
      headers.remove(name);
    } else {
      headers.set(name, value);
    }
  }

  @Override
  public OutputStream body() {
    return body;
  }

  @Override
  public synchronized void flush() {
    try {
      commit(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void send(int status, String contentType, byte[] bytes) {
    checkNotCommitted();
    if (bytes == null) {
      bytes = new byte[0];
    }
    this.status = status;
    if (contentType != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    headers.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    try {
      commit(false);
      writeBody(bytes, 0, bytes.length, false);
      finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean committed() {
    return committed;
  }

  @Override
  public synchronized Hijacked hijack(String statusLine) {
    checkNotCommitted();
    committed = true;
    finished = true;
    keepAlive = false;
    // Whatever body the request had must be out of the way before the raw stream starts.
    if (!request.discardBody(Long.MAX_VALUE)) {
      throw new UncheckedIOException(Connection.gone(null));
    }
    StringBuilder head = new StringBuilder(statusLine).append("\r\n");
    for (Map.Entry<String, String> h : headers) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("\r\n");
    try {
      conn.hijack(head.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    hijacked = new RawHijacked(conn);
    return hijacked;
  }

  // ---- for the exchange ----

  synchronized RawHijacked hijacked() {
    return hijacked;
  }

  synchronized boolean keepAlive() {
    return keepAlive;
  }

  /** Ends the response the handler left open: an empty body if nothing was committed. */
  synchronized void complete() throws IOException {
    if (!committed && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      headers.set(HttpHeaderNames.CONTENT_LENGTH, 0);
    }
    finish();
  }

  /**
   * Replaces an uncommitted response with an error; {@code close} says so to the client when the
   * connection cannot carry another request.
   */
  synchronized void fail(int code, String contentType, byte[] bytes, boolean close)
      throws IOException {
    headers.clear();
    if (close) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    send(code, contentType, bytes);
  }

  // ---- internals ----

  private void checkNotCommitted() {
    if (committed) {
      throw new IllegalStateException("response already committed");
    }
  }

  private void commit(boolean flush) throws IOException {
    if (committed) {
      return;
    }
    committed = true;
    boolean bodyAllowed = bodyAllowed();
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    if (length != null) {
      try {
        declaredLength = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
      }
    }
    if (headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
      keepAlive = false;
    }
    if (bodyAllowed && declaredLength < 0) {
      if (request.http11()) {
        headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      } else {
        // HTTP/1.0 has no chunks; the end of the connection ends the body.
        keepAlive = false;
      }
    }
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (!request.http11()) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    conn.write(
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), headers),
        flush);
  }

  private boolean bodyAllowed() {
    return !request.isHead() && status / 100 != 1 && status != 204 && status != 304;
  }

  private void writeBody(byte[] b, int off, int len, boolean flush) throws IOException {
    if (finished) {
      throw new IOException("response body already closed");
    }
    boolean payload = len > 0 && bodyAllowed();
    commit(flush && !payload);
    if (!payload) {
      return;
    }
    if (declaredLength >= 0 && written + len > declaredLength) {
      throw new IOException("response body longer than its Content-Length " + declaredLength);
    }
    written += len;
    conn.write(new DefaultHttpContent(Unpooled.copiedBuffer(b, off, len)), flush);
  }

  private void finish() throws IOException {
    if (finished) {
      return;
    }
    commit(false);
    finished = true;
    if (bodyAllowed() && declaredLength >= 0 && written != declaredLength) {
      // The client would wait for bytes that never come; only closing ends its read.
      keepAlive = false;
    }
    conn.write(LastHttpContent.EMPTY_LAST_CONTENT, true);
  }

  /** Every write goes out at once: progress streams and log followers wait on each line. */
  private final class Body extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      synchronized (ServerResponse.this) {
        writeBody(b, off, len, true);
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (ServerResponse.this) {
        if (!finished) {
          commit(true);
        }
      }
    }

    @Override
    public void close() throws IOException {
      synchronized (ServerResponse.this) {
        finish();
      }
    }
  }
}
