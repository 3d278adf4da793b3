package io.berth.api.server;

import io.berth.http.HttpRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory request: a target such as {@code /v1.51/containers/json?all=1}, headers, a body. */
public final class FakeHttpRequest implements HttpRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private byte[] body = new byte[0];

  private FakeHttpRequest(String method, String target) {
    this.method = method;
    int q = target.indexOf('?');
    this.path = q < 0 ? target : target.substring(0, q);
    if (q >= 0) {
      for (String pair : target.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
  }

  public static FakeHttpRequest of(String method, String target) {
    return new FakeHttpRequest(method, target);
  }

  public static FakeHttpRequest get(String target) {
    return of("GET", target);
  }

  public static FakeHttpRequest post(String target) {
    return of("POST", target);
  }

  public FakeHttpRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** A JSON body, with the Content-Type every client sends for one (unless set already). */
  public FakeHttpRequest body(String s) {
    headers.putIfAbsent("Content-Type", "application/json");
    return body(s.getBytes(StandardCharsets.UTF_8));
  }

  public FakeHttpRequest body(byte[] b) {
    this.body = b.clone();
    return this;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
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
    return new ByteArrayInputStream(body);
  }
}
