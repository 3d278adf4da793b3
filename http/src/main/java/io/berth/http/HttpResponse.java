package io.berth.http;

import java.io.OutputStream;

/**
 * The response to one request. Headers are committed by the first body write, by {@link #flush},
 * or by {@link #send}. Without a Content-Length header the body is chunked.
 */
public interface HttpResponse {
  void status(int code);

  void header(String name, String value);

  /** Streams the body; closing it ends the response. */
  OutputStream body();

  /** Commits the headers now (a client may be waiting for them before the body). */
  void flush();

  /** A whole response at once, with Content-Length. */
  void send(int status, String contentType, byte[] body);

  boolean committed();

  /**
   * Takes the connection over as a raw duplex byte stream after writing {@code statusLine} (e.g.
   * {@code HTTP/1.1 101 UPGRADED}) and the headers set so far. HTTP framing ends there.
   */
  Hijacked hijack(String statusLine);
}
