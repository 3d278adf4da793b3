package io.berth.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A decoded request head plus its body, streamed from the connection's queue. */
final class ServerRequest implements HttpRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final HttpHeaders headers;
  private final boolean http11;
  private final boolean keepAlive;
  private final Body body;

  ServerRequest(Connection conn, io.netty.handler.codec.http.HttpRequest head) {
    this.method = head.method().name();
    this.headers = head.headers();
    this.http11 = head.protocolVersion().equals(HttpVersion.HTTP_1_1);
    this.keepAlive = HttpUtil.isKeepAlive(head);
    // Go's url.ParseQuery turns '+' into a space; a raw ';' is data, not a separator.
    QueryStringDecoder decoder =
        QueryStringDecoder.builder().semicolonIsNormalChar(true).build(originForm(head.uri()));
    this.path = decoder.path();
    this.query = Collections.unmodifiableMap(decoder.parameters());
    this.body = new Body(conn);
  }

  /** Proxies may send {@code http://host/path}; only the path and query matter here. */
  private static String originForm(String uri) {
    int scheme = uri.indexOf("://");
    if (scheme < 0 || uri.startsWith("/")) {
      return uri;
    }
    int slash = uri.indexOf('/', scheme + 3);
    return slash < 0 ? "/" : uri.substring(slash);
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Map<String, List<String>> query() {
    return query;
  }

  @Override
  public String header(String name) {
    return headers.get(name);
  }

  @Override
  public InputStream body() {
    return body;
  }

  boolean isHead() {
    return method.equals(HttpMethod.HEAD.name());
  }

  boolean http11() {
    return http11;
  }

  boolean keepAlive() {
    return keepAlive;
  }

  /**
   * Reads and drops what the handler left of the body, up to {@code limit} bytes. False when the
   * connection cannot carry another request: too much left, malformed, or the client went away.
   */
  boolean discardBody(long limit) {
    return body.discard(limit);
  }

  /** Lets go of a buffer the handler stopped reading in the middle of. */
  void release() {
    body.release();
  }

  @Override
  public String toString() {
    return method + " " + path;
  }

  /** The body as the decoder dechunks it; ends at the request's last content. */
  private static final class Body extends InputStream {
    private final Connection conn;
    private HttpContent current;
    private boolean last;
    private boolean broken;

    Body(Connection conn) {
      this.conn = conn;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      ByteBuf buf = next();
      if (buf == null) {
        return -1;
      }
      int n = Math.min(len, buf.readableBytes());
      buf.readBytes(b, off, n);
      return n;
    }

    @Override
    public synchronized int available() {
      return current == null ? 0 : current.content().readableBytes();
    }

    /** The current buffer with bytes left, or null at the end of the body. */
    private ByteBuf next() throws IOException {
      while (true) {
        if (current != null) {
          if (current.content().isReadable()) {
            return current.content();
          }
          current.release();
          current = null;
        }
        if (last) {
          return null;
        }
        if (broken) {
          throw new IOException("request body is incomplete");
        }
        Object o = conn.take();
        if (!(o instanceof HttpContent c)) {
          broken = true;
          if (o instanceof ByteBuf raw) {
            raw.release();
          }
          throw new IOException("client went away before the request body ended");
        }
        if (c.decoderResult().isFailure()) {
          c.release();
          broken = true;
          throw new IOException("malformed request body: " + c.decoderResult().cause().getMessage());
        }
        current = c;
        last = c instanceof LastHttpContent;
      }
    }

    synchronized void release() {
      if (current != null) {
        current.release();
        current = null;
      }
      broken = !last;
    }

    synchronized boolean discard(long limit) {
      long dropped = 0;
      try {
        ByteBuf buf;
        while ((buf = next()) != null) {
          dropped += buf.readableBytes();
          buf.skipBytes(buf.readableBytes());
          if (dropped > limit) {
            return false;
          }
        }
        return true;
      } catch (IOException e) {
        return false;
      } finally {
        if (current != null) {
          current.release();
          current = null;
        }
      }
    }
  }
}
