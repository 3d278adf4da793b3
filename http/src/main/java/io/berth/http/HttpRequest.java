package io.berth.http;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** A request whose body streams; nothing is aggregated. */
public interface HttpRequest {
  String method();

  /** The decoded path without the query string, e.g. {@code /v1.51/containers/json}. */
  String path();

  /** Decoded query parameters in order; a key may repeat. */
  Map<String, List<String>> query();

  /** First value of a header, case-insensitive, or null. */
  String header(String name);

  /** The body (dechunked); empty when there is none. Reading blocks until data arrives. */
  InputStream body();
}
