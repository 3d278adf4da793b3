package io.berth.http.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A connection after an upgrade request. When {@link #upgraded()} the server took the connection
 * over and {@link #in()}/{@link #out()} are the raw duplex stream (Docker's attach and exec).
 * Otherwise the server answered with an ordinary response, usually an error: {@link #status()} is
 * its status and {@link #in()} yields its (dechunked) body, which {@link #text()} reads whole.
 */
public final class HijackedConnection implements Closeable {
  private final Wire wire;
  private final Framing.Head head;
  private final boolean upgraded;
  private final InputStream in;

  HijackedConnection(Wire wire, Framing.Head head, boolean upgraded, InputStream in) {
    this.wire = wire;
    this.head = head;
    this.upgraded = upgraded;
    this.in = in;
  }

  /** 101, or 200 from servers that hijack without the upgrade handshake, when upgraded. */
  public int status() {
    return head.status();
  }

  public boolean upgraded() {
    return upgraded;
  }

  /** First value of a response header, case-insensitive, or null. */
  public String header(String name) {
    return head.header(name);
  }

  /** The server's bytes after the response head, including any read along with the head. */
  public InputStream in() {
    return in;
  }

  /** Raw writes to the server, each sent at once; closing it is {@link #shutdownOutput()}. */
  public OutputStream out() {
    return wire.out();
  }

  /** Half-closes our side: the server reads end of stream while we keep reading. */
  public void shutdownOutput() throws IOException {
    wire.shutdownOutput();
  }

  /** The rest of {@link #in()} as UTF-8 (for an error body); closes the connection. */
  public String text() throws IOException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      close();
    }
  }

  @Override
  public void close() throws IOException {
    wire.close();
  }
}
