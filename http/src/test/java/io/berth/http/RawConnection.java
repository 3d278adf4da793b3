package io.berth.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Hand-written HTTP over a socket, for what a well-behaved client would never send. */
final class RawConnection implements AutoCloseable {
  private static final long TIMEOUT_MS = 5_000;

  private final SocketChannel channel;
  private final Selector selector;
  private final StringBuilder received = new StringBuilder();
  private boolean eof;

  RawConnection(SocketChannel channel) throws IOException {
    this.channel = channel;
    channel.configureBlocking(false);
    this.selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
  }

  void send(String s) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    while (bb.hasRemaining()) {
      if (channel.write(bb) == 0) {
        Thread.onSpinWait();
      }
    }
  }

  void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  /** Reads until {@code done} holds for everything received so far, then hands that text over. */
  String readUntil(Predicate<String> done) throws IOException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    ByteBuffer bb = ByteBuffer.allocate(64 * 1024);
    while (!done.test(received.toString())) {
      if (eof) {
        throw new EOFException("connection closed; got: " + received);
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new SocketTimeoutException("timed out; got: " + received);
      }
      selector.select(left);
      selector.selectedKeys().clear();
      bb.clear();
      int n = channel.read(bb);
      if (n < 0) {
        eof = true;
      } else {
        received.append(new String(bb.array(), 0, n, StandardCharsets.UTF_8));
      }
    }
    String text = received.toString();
    received.setLength(0);
    return text;
  }

  /** Everything up to the server's end of stream. */
  String readAll() throws IOException {
    try {
      readUntil(s -> false);
    } catch (EOFException e) {
      // expected: the end of stream is what this waits for
    }
    String text = received.toString();
    received.setLength(0);
    return text;
  }

  /** Reads until {@code count} occurrences of {@code marker} have arrived. */
  String readUntilCount(String marker, int count) throws IOException {
    return readUntil(s -> occurrences(s, marker) >= count);
  }

  static int occurrences(String s, String marker) {
    int n = 0;
    for (int i = s.indexOf(marker); i >= 0; i = s.indexOf(marker, i + marker.length())) {
      n++;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    selector.close();
    channel.close();
  }
}
