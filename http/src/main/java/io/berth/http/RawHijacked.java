package io.berth.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/** The raw connection after a hijack, fed by the same pull queue as request bodies were. */
final class RawHijacked implements Hijacked {
  private final Connection conn;
  private final In in = new In();
  private final Out out = new Out();
  private volatile boolean outputShut;
  private volatile boolean closed;

  RawHijacked(Connection conn) {
    this.conn = conn;
  }

  @Override
  public InputStream in() {
    return in;
  }

  @Override
  public OutputStream out() {
    return out;
  }

  @Override
  public synchronized void shutdownOutput() {
    if (!outputShut && !closed) {
      outputShut = true;
      conn.shutdownOutputAfterWrites();
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      conn.closeAfterWrites();
    }
  }

  /** Copies each buffer off the queue at once, so nothing is left to release if reading stops. */
  private final class In extends InputStream {
    private byte[] current = new byte[0];
    private int pos;
    private boolean eof;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      while (pos == current.length) {
        if (eof || closed) {
          return -1;
        }
        switch (conn.take()) {
          case ByteBuf raw -> next(raw);
          // A decoder never runs after the hijack; tolerate its output all the same.
          case HttpContent content -> next(content.content());
          default -> eof = true;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }

    private void next(ByteBuf buf) {
      try {
        current = ByteBufUtil.getBytes(buf);
        pos = 0;
      } finally {
        buf.release();
      }
    }

    @Override
    public synchronized int available() {
      return current.length - pos;
    }

    @Override
    public synchronized void close() {
      eof = true;
      pos = current.length;
    }
  }

  private final class Out extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (outputShut || closed) {
        throw new IOException("connection output is shut down");
      }
      if (len > 0) {
        conn.write(Unpooled.copiedBuffer(b, off, len), true);
      }
    }

    /** Closing our half of the stream is a half-close: the client reads end of stream. */
    @Override
    public void close() {
      shutdownOutput();
    }
  }
}
