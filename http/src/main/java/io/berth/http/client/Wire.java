package io.berth.http.client;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A blocking socket with a read buffer. Reads and writes may happen on different threads at once,
 * which a hijacked connection needs; the JDK's channel streams are avoided for that reason and
 * because they pull in more classes than this.
 */
final class Wire implements Closeable {
  private static final int MAX_LINE = 64 * 1024;

  private final SocketChannel channel;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;

  private Wire(SocketChannel channel) {
    this.channel = channel;
  }

  static Wire connect(java.net.SocketAddress address) throws IOException {
    SocketChannel ch =
        address instanceof UnixDomainSocketAddress
            ? SocketChannel.open(StandardProtocolFamily.UNIX)
            : SocketChannel.open();
    try {
      if (!(address instanceof UnixDomainSocketAddress)) {
        ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      }
      ch.connect(address);
      return new Wire(ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Up to {@code len} bytes: what is buffered, else one read from the socket; -1 at the end. */
  int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (pos == limit) {
      if (len >= buf.length) {
        return channel.read(ByteBuffer.wrap(b, off, len));
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  /** A line without its CRLF (or bare LF), or null at the end of input before any byte. */
  String readLine() throws IOException {
    StringBuilder line = null;
    while (true) {
      if (pos == limit && !fill()) {
        if (line == null) {
          return null;
        }
        throw new EOFException("connection closed in the middle of a line");
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      if (line == null) {
        line = new StringBuilder();
      }
      line.append(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
      if (line.length() > MAX_LINE) {
        throw new IOException("response line too long");
      }
      if (pos < limit) {
        pos++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
    }
  }

  private boolean fill() throws IOException {
    int n = channel.read(ByteBuffer.wrap(buf));
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  void write(byte[] b, int off, int len) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(b, off, len);
    while (bb.hasRemaining()) {
      channel.write(bb);
    }
  }

  void write(ByteBuffer... parts) throws IOException {
    long left = 0;
    for (ByteBuffer p : parts) {
      left += p.remaining();
    }
    while (left > 0) {
      left -= channel.write(parts);
    }
  }

  void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The raw byte stream from here on, buffered bytes first. */
  InputStream in() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = Wire.this.read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return Wire.this.read(b, off, len);
      }

      @Override
      public int available() {
        return limit - pos;
      }

      @Override
      public void close() throws IOException {
        Wire.this.close();
      }
    };
  }

  /** Raw writes, each straight to the socket; closing it half-closes the connection. */
  OutputStream out() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        Wire.this.write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        Wire.this.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        if (channel.isOpen()) {
          shutdownOutput();
        }
      }
    };
  }
}
