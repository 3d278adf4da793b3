package io.berth.client;

import io.berth.http.client.ClientResponse;
import io.berth.http.client.HijackedConnection;
import io.berth.http.client.HttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.NoSuchFileException;
import java.nio.channels.UnresolvedAddressException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of the Docker Engine API as Berth serves it. Every path is sent versioned
 * ({@code /v1.51/...}); error responses become the {@link io.berth.common.error.EngineException}
 * of their status; an unreachable daemon becomes {@link DaemonUnreachableException}.
 */
public final class DockerClient implements AutoCloseable {
  public static final String API_VERSION = "1.51";
  private static final String PREFIX = "/v" + API_VERSION;

  private final DockerHost host;
  private HttpClient http;

  public DockerClient(DockerHost host) {
    this.host = host;
  }

  public DockerHost host() {
    return host;
  }

  public Containers containers() {
    return new Containers(this);
  }

  public Images images() {
    return new Images(this);
  }

  public Networks networks() {
    return new Networks(this);
  }

  public Volumes volumes() {
    return new Volumes(this);
  }

  public SystemApi system() {
    return new SystemApi(this);
  }

  private HttpClient http() {
    if (http == null) {
      http = host.isUnix() ? HttpClient.unix(host.socket()) : HttpClient.tcp(host.host(), host.port());
    }
    return http;
  }

  /** Sends a request and fails on an error status; the caller closes the response. */
  public ClientResponse send(String method, String path, Query query, byte[] body) {
    return send(method, path, query, body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));
  }

  public ClientResponse send(String method, String path, Query query, byte[] body, Map<String, String> headers) {
    String target = target(path, query);
    ClientResponse r;
    try {
      r = http().request(method, target, headers(headers), body);
    } catch (IOException | RuntimeException e) {
      throw unreachable(e);
    }
    return checked(r, target);
  }

  /** Streams {@code body} as a chunked upload. */
  public ClientResponse upload(String method, String path, Query query, InputStream body, Map<String, String> headers) {
    String target = target(path, query);
    ClientResponse r;
    try {
      r = http().request(method, target, headers(headers), body);
    } catch (IOException | RuntimeException e) {
      throw unreachable(e);
    }
    return checked(r, target);
  }

  /** Upgrades the connection to a raw duplex stream (attach); fails on an error status. */
  public HijackedConnection hijack(String method, String path, Query query) {
    return hijack(method, path, query, null);
  }

  /** As above, with a JSON body ({@code exec start}). */
  public HijackedConnection hijack(String method, String path, Query query, byte[] json) {
    String target = target(path, query);
    Map<String, String> h = headers(Map.of("Content-Type", json == null ? "text/plain" : "application/json",
        "Connection", "Upgrade", "Upgrade", "tcp"));
    HijackedConnection c;
    try {
      c = http().hijack(method, target, h, json);
    } catch (IOException | RuntimeException e) {
      throw unreachable(e);
    }
    if (!c.upgraded()) {
      byte[] body;
      try {
        body = c.in().readAllBytes();
      } catch (IOException e) {
        body = new byte[0];
      } finally {
        closeQuietly(c);
      }
      int status = c.status() < 400 ? 500 : c.status();
      throw ApiErrors.decode(status, c.header("Content-Type"), body, route(target));
    }
    return c;
  }

  /** Sends a request and decodes a JSON answer with data binding (see {@link DataBinding}). */
  public <T> T json(String method, String path, Query query, byte[] body, Class<T> type) {
    return DataBinding.read(bytes(method, path, query, body), type);
  }

  /** Sends a request and returns the raw body bytes. */
  public byte[] bytes(String method, String path, Query query, byte[] body) {
    return readAll(send(method, path, query, body));
  }

  /** Sends a request whose answer carries no body worth reading. */
  public void call(String method, String path, Query query) {
    readAll(send(method, path, query, null));
  }

  /** Reads the whole body and releases the response. */
  static byte[] readAll(ClientResponse r) {
    try {
      return r.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      closeQuietly(r);
    }
  }

  static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // The exchange is over; a failure to tear it down changes nothing for the caller.
    }
  }

  private ClientResponse checked(ClientResponse r, String target) {
    if (r.status() < 400) {
      return r;
    }
    throw ApiErrors.decode(r.status(), r.header("Content-Type"), readAll(r), route(target));
  }

  /** The URL docker's client would name in its "check if the server supports" messages. */
  private String route(String target) {
    return host.isUnix() ? "http://%2F" + host.socket().toString().substring(1).replace("/", "%2F") + target
        : "http://" + host.host() + ":" + host.port() + target;
  }

  private Map<String, String> headers(Map<String, String> extra) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("User-Agent", "Berth-Client/0.1.0 (linux)");
    h.putAll(extra);
    return h;
  }

  private static String target(String path, Query query) {
    return PREFIX + path + (query == null ? "" : query.toString());
  }

  private RuntimeException unreachable(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    if (cause instanceof ConnectException || cause instanceof NoSuchFileException
        || cause instanceof SocketException || cause instanceof UnresolvedAddressException
        || cause instanceof java.net.UnknownHostException) {
      return DaemonUnreachableException.at(host, cause);
    }
    if (e instanceof RuntimeException r) {
      return r;
    }
    return new UncheckedIOException((IOException) e);
  }

  /** Encodes a path segment such as a container name. */
  static String seg(String s) {
    return Query.encode(s);
  }

  /** Connections live for one exchange each, so there is nothing shared to release. */
  @Override
  public void close() {
    http = null;
  }
}
