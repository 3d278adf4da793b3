package io.berth.http.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response whose body streams from the connection; closing it closes the connection. */
public final class ClientResponse implements Closeable {
  private final Wire wire;
  private final Framing.Head head;
  private final InputStream body;

  ClientResponse(Wire wire, Framing.Head head, InputStream body) {
    this.wire = wire;
    this.head = head;
    this.body = body;
  }

  public int status() {
    return head.status();
  }

  /** The reason phrase of the status line, e.g. {@code Not Found}; may be empty. */
  public String reason() {
    return head.reason();
  }

  /** First value of a header, case-insensitive, or null. */
  public String header(String name) {
    return head.header(name);
  }

  /** All headers, first value of each; the map's keys compare case-insensitively. */
  public Map<String, String> headers() {
    return java.util.Collections.unmodifiableMap(head.headers());
  }

  /** The body: dechunked, bounded by Content-Length, or up to the end of the connection. */
  public InputStream body() {
    return body;
  }

  /** The rest of the body; closes the connection. */
  public byte[] readAll() throws IOException {
    try {
      return body.readAllBytes();
    } finally {
      close();
    }
  }

  /** The rest of the body as UTF-8; closes the connection. */
  public String text() throws IOException {
    return new String(readAll(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    wire.close();
  }

  @Override
  public String toString() {
    return "HTTP " + head.status() + " " + head.reason();
  }
}
