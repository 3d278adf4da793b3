package io.berth.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A hijacked API connection, as the docker CLI opens one for attach and exec start: the raw bytes
 * both ways, read by a thread of its own so that a test waits on what arrives, never on a clock.
 */
final class Hijack implements AutoCloseable {
  private final SocketChannel ch;
  private final ByteArrayOutputStream got = new ByteArrayOutputStream();
  private volatile boolean ended;
  private final String head;

  private Hijack(SocketChannel ch, String head) {
    this.ch = ch;
    this.head = head;
    Thread.ofVirtual().start(() -> {
      ByteBuffer buf = ByteBuffer.allocate(8192);
      try {
        while (ch.read(buf) >= 0) {
          synchronized (got) {
            got.write(buf.array(), 0, buf.position());
          }
          buf.clear();
        }
      } catch (IOException e) {
        // closed by the test
      }
      ended = true;
    });
  }

  /** POSTs {@code path} with {@code body} (JSON, or null) asking for the upgrade; returns after the status line. */
  static Hijack post(Path socket, String path, String body) throws IOException {
    SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String req = "POST " + path + " HTTP/1.1\r\nHost: api\r\nUpgrade: tcp\r\nConnection: Upgrade\r\n"
        + (body == null ? "" : "Content-Type: application/json\r\n") + "Content-Length: " + b.length + "\r\n\r\n";
    ch.write(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
    ch.write(ByteBuffer.wrap(b));
    Hijack h = new Hijack(ch, path);
    h.awaitText("\r\n\r\n");
    return h;
  }

  String text() {
    synchronized (got) {
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  void awaitText(String s) {
    Wait.until(Duration.ofSeconds(20), () -> text().contains(s), "\"" + s + "\" from " + head + ", got " + text());
  }

  void send(String s) throws IOException {
    ch.write(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** Waits for the daemon to end the stream. */
  void awaitEnd() {
    Wait.until(Duration.ofSeconds(20), () -> ended, "the end of " + head + ", got " + text());
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
