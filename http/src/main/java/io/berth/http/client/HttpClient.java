package io.berth.http.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A blocking HTTP/1.1 client on plain JDK sockets, one connection per request. It stays off Netty
 * and most of the JDK's networking on purpose: the CLI that uses it has to start in milliseconds.
 */
public final class HttpClient {
  private static final int CHUNK = 64 * 1024;

  private final SocketAddress address;

  private HttpClient(SocketAddress address) {
    this.address = address;
  }

  public static HttpClient unix(Path socket) {
    return new HttpClient(UnixDomainSocketAddress.of(socket));
  }

  public static HttpClient tcp(String host, int port) {
    return new HttpClient(InetSocketAddress.createUnresolved(host, port));
  }

  /** Sends {@code body} (may be null) with a Content-Length and returns the response head. */
  public ClientResponse request(
      String method, String pathAndQuery, Map<String, String> headers, byte[] body)
      throws IOException {
    Wire wire = connect();
    try {
      long length = body != null ? body.length : sendsEmptyBody(method) ? 0 : -1;
      byte[] head = head(method, pathAndQuery, headers, length, false);
      Framing.Head response;
      try {
        wire.write(ByteBuffer.wrap(head), ByteBuffer.wrap(body != null ? body : new byte[0]));
        response = Framing.readHead(wire);
      } catch (IOException e) {
        response = earlyResponse(wire, e);
      }
      return new ClientResponse(wire, response, Framing.body(wire, response, method));
    } catch (IOException | RuntimeException e) {
      wire.close();
      throw e;
    }
  }

  /** Streams {@code body} to its end with Transfer-Encoding: chunked. */
  public ClientResponse request(
      String method, String pathAndQuery, Map<String, String> headers, InputStream body)
      throws IOException {
    if (body == null) {
      return request(method, pathAndQuery, headers, (byte[]) null);
    }
    Wire wire = connect();
    try {
      Framing.Head response;
      try {
        wire.write(ByteBuffer.wrap(head(method, pathAndQuery, headers, -2, false)));
        sendChunked(wire, body);
        response = Framing.readHead(wire);
      } catch (IOException e) {
        response = earlyResponse(wire, e);
      }
      return new ClientResponse(wire, response, Framing.body(wire, response, method));
    } catch (IOException | RuntimeException e) {
      wire.close();
      throw e;
    }
  }

  /**
   * Sends an upgrade request ({@code Connection: Upgrade}, {@code Upgrade: tcp}) and reads the
   * response head. See {@link HijackedConnection} for what comes back when the server declines.
   */
  public HijackedConnection hijack(
      String method, String pathAndQuery, Map<String, String> headers, byte[] body)
      throws IOException {
    Wire wire = connect();
    try {
      long length = body != null ? body.length : sendsEmptyBody(method) ? 0 : -1;
      wire.write(
          ByteBuffer.wrap(head(method, pathAndQuery, headers, length, true)),
          ByteBuffer.wrap(body != null ? body : new byte[0]));
      Framing.Head response = Framing.readHead(wire);
      boolean upgraded =
          response.status() == 101
              || (response.status() == 200 && !response.chunked() && response.contentLength() < 0);
      InputStream in = upgraded ? wire.in() : Framing.body(wire, response, method);
      return new HijackedConnection(wire, response, upgraded, in);
    } catch (IOException | RuntimeException e) {
      wire.close();
      throw e;
    }
  }

  private Wire connect() throws IOException {
    SocketAddress target = address;
    if (target instanceof InetSocketAddress inet && inet.isUnresolved()) {
      target = new InetSocketAddress(inet.getHostString(), inet.getPort());
    }
    return Wire.connect(target);
  }

  /** Servers may answer before reading the whole body (an error, say) and stop reading. */
  private static Framing.Head earlyResponse(Wire wire, IOException sendFailure)
      throws IOException {
    try {
      return Framing.readHead(wire);
    } catch (IOException e) {
      sendFailure.addSuppressed(e);
      throw sendFailure;
    }
  }

  private static boolean sendsEmptyBody(String method) {
    return switch (method) {
      case "POST", "PUT", "PATCH" -> true;
      default -> false;
    };
  }

  /** {@code length}: a Content-Length, -1 for no body, -2 for chunked. */
  private static byte[] head(
      String method, String target, Map<String, String> headers, long length, boolean upgrade) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(token(method)).append(' ').append(clean(target)).append(" HTTP/1.1\r\n");
    boolean host = false;
    boolean agent = false;
    if (headers != null) {
      for (Map.Entry<String, String> h : headers.entrySet()) {
        String name = token(h.getKey());
        switch (name.toLowerCase(Locale.ROOT)) {
          case "content-length", "transfer-encoding" -> {
            continue;
          }
          case "connection", "upgrade" -> {
            if (upgrade) {
              continue;
            }
          }
          case "host" -> host = true;
          case "user-agent" -> agent = true;
          default -> {}
        }
        sb.append(name).append(": ").append(clean(h.getValue())).append("\r\n");
      }
    }
    if (!host) {
      sb.append("Host: docker\r\n");
    }
    if (!agent) {
      sb.append("User-Agent: Berth-Client\r\n");
    }
    if (length >= 0) {
      sb.append("Content-Length: ").append(length).append("\r\n");
    } else if (length == -2) {
      sb.append("Transfer-Encoding: chunked\r\n");
    }
    if (upgrade) {
      sb.append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void sendChunked(Wire wire, InputStream body) throws IOException {
    byte[] data = new byte[CHUNK];
    ByteBuffer crlf = ByteBuffer.wrap(new byte[] {'\r', '\n'});
    int n;
    while ((n = body.read(data)) >= 0) {
      if (n == 0) {
        continue;
      }
      byte[] size = (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      wire.write(ByteBuffer.wrap(size), ByteBuffer.wrap(data, 0, n), crlf.clear());
    }
    wire.write(ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
  }

  private static String token(String s) {
    if (s == null || s.isEmpty() || s.chars().anyMatch(c -> c <= ' ' || c == ':' || c >= 127)) {
      throw new IllegalArgumentException("invalid HTTP token: " + s);
    }
    return s;
  }

  /** Header values and targets must not smuggle in their own lines. */
  private static String clean(String s) {
    if (s == null || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("invalid HTTP header value or target: " + s);
    }
    return s;
  }
}
