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
import java.util.concurrent.CompletionStage;

/** A decoded request head plus its body, streamed from the connection's queue. */
final class ServerRequest implements HttpRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final HttpHeaders headers;
  private final boolean http11;
  private final boolean keepAlive;
  private final Body body;
  private final Connection conn;
  /** Why the request line cannot be served; the handler is not called then. */
  private final MalformedRequestException malformed;

  ServerRequest(Connection conn, io.netty.handler.codec.http.HttpRequest head) {
    this.method = head.method().name();
    this.headers = head.headers();
    this.http11 = head.protocolVersion().equals(HttpVersion.HTTP_1_1);
    this.keepAlive = HttpUtil.isKeepAlive(head);
    this.conn = conn;
    this.body = new Body(conn);
    String uri = originForm(head.uri());
    String badEscape = badEscape(uri);
    String decodedPath = "/";
    Map<String, List<String>> decodedQuery = Map.of();
    MalformedRequestException problem = null;
    if (badEscape != null) {
      // Go's words (net/url's EscapeError), which dockerd answers for a query it cannot parse.
      problem = new MalformedRequestException("invalid URL escape " + quote(badEscape));
    } else {
      try {
        // Go's url.ParseQuery turns '+' into a space; a raw ';' is data, not a separator.
        QueryStringDecoder decoder =
            QueryStringDecoder.builder().semicolonIsNormalChar(true).build(uri);
        decodedPath = decoder.path();
        decodedQuery = Collections.unmodifiableMap(decoder.parameters());
      } catch (IllegalArgumentException e) {
        problem = new MalformedRequestException("invalid request URI: " + e.getMessage(), e);
      }
    }
    this.path = decodedPath;
    this.query = decodedQuery;
    this.malformed = problem;
  }

  /** The first {@code %} not followed by two hex digits, with what follows it (at most 3 chars). */
  private static String badEscape(String uri) {
    int end = uri.indexOf('#');
    end = end < 0 ? uri.length() : end;
    for (int i = uri.indexOf('%'); i >= 0 && i < end; i = uri.indexOf('%', i + 1)) {
      if (i + 2 >= end || !isHex(uri.charAt(i + 1)) || !isHex(uri.charAt(i + 2))) {
        return uri.substring(i, Math.min(i + 3, end));
      }
    }
    return null;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Roughly Go's strconv.Quote: what a client sent may hold quotes and control characters. */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7f) {
        b.append(String.format("\\x%02x", (int) c & 0xff));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
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

  @Override
  public CompletionStage<Void> closed() {
    return conn.closed();
  }

  @Override
  public boolean clientLeft() {
    return conn.isGone();
  }

  @Override
  public Registration whenClientLeaves(Runnable action) {
    return conn.whenClientLeaves(action);
  }

  MalformedRequestException malformed() {
    return malformed;
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

  /** True once reading the body failed: the connection has lost its place in the stream. */
  boolean bodyBroken() {
    return body.broken();
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
    private String malformedBody;

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
          throw malformedBody != null
              ? new MalformedRequestException(malformedBody)
              : new IOException("request body is incomplete");
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
          Throwable cause = c.decoderResult().cause();
          c.release();
          broken = true;
          malformedBody = "malformed chunked request body: " + describe(cause);
          throw new MalformedRequestException(malformedBody, cause);
        }
        current = c;
        last = c instanceof LastHttpContent;
      }
    }

    /** Netty's words for a bad chunk size are Integer.parseInt's, which mean nothing to a client. */
    private static String describe(Throwable cause) {
      if (cause instanceof NumberFormatException) {
        return "invalid chunk size";
      }
      return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    synchronized boolean broken() {
      return broken;
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
