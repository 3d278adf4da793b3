package io.berth.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query string built in order; keys may repeat (import's {@code changes}). */
public final class Query {
  private final List<String[]> params = new ArrayList<>();

  public static Query of() {
    return new Query();
  }

  public Query add(String key, String value) {
    params.add(new String[] {key, value});
    return this;
  }

  /** Adds the pair only when {@code value} is neither null nor empty. */
  public Query opt(String key, String value) {
    return value == null || value.isEmpty() ? this : add(key, value);
  }

  /** Adds {@code key=1} when {@code flag} is set, as docker's client does for booleans. */
  public Query flag(String key, boolean flag) {
    return flag ? add(key, "1") : this;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code ?a=1&b=2}, or empty without parameters. */
  @Override
  public String toString() {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("?");
    for (String[] p : params) {
      if (sb.length() > 1) {
        sb.append('&');
      }
      sb.append(encode(p[0])).append('=').append(encode(p[1]));
    }
    return sb.toString();
  }
}
