package io.berth.api.server.router;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.server.backend.RegistryAuth;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import java.util.Base64;

/**
 * Decodes {@code X-Registry-Auth}: base64 JSON of Docker's AuthConfig. The docker CLI and docker-py
 * send the URL alphabet with padding, docker-java and older clients the standard one, some
 * without padding: all are read.
 */
final class RegistryAuthHeader {
  private RegistryAuthHeader() {}

  /** The credentials of a header; empty or {@code e30=} ({@code {}}) is anonymous. */
  static RegistryAuth decode(String header) {
    if (header == null || header.isBlank()) {
      return RegistryAuth.ANONYMOUS;
    }
    try {
      String s = header.trim().replace('+', '-').replace('/', '_').replaceAll("=+$", "");
      return fromJson(Json.mapper().readTree(Base64.getUrlDecoder().decode(s)));
    } catch (Exception e) {
      throw new InvalidParameterException("invalid X-Registry-Auth header: " + e.getMessage());
    }
  }

  /** As {@link #decode}, but anonymous when the header is unreadable: a pull ignores a bad header, as dockerd does. */
  static RegistryAuth lenient(String header) {
    try {
      return decode(header);
    } catch (InvalidParameterException e) {
      return RegistryAuth.ANONYMOUS;
    }
  }

  /**
   * Decodes {@code X-Registry-Config}, which a build sends: base64 JSON of a map from registry to
   * AuthConfig. As in dockerd, an unreadable header or entry means no credentials, never an error.
   */
  static java.util.Map<String, RegistryAuth> decodeConfigs(String header) {
    java.util.Map<String, RegistryAuth> out = new java.util.LinkedHashMap<>();
    if (header == null || header.isBlank()) {
      return out;
    }
    try {
      String s = header.trim().replace('+', '-').replace('/', '_').replaceAll("=+$", "");
      JsonNode root = Json.mapper().readTree(Base64.getUrlDecoder().decode(s));
      if (root != null && root.isObject()) {
        root.properties().forEach(e -> {
          if (e.getValue().isObject()) {
            out.put(e.getKey(), fromJson(e.getValue()));
          }
        });
      }
    } catch (Exception e) {
      out.clear();
    }
    return out;
  }

  /** An AuthConfig object. Its {@code auth} field is not read: dockerd uses only the fields apart. */
  static RegistryAuth fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return new RegistryAuth(text(n, "username"), text(n, "password"), text(n, "serveraddress"),
        text(n, "identitytoken"), text(n, "registrytoken"));
  }

  private static String text(JsonNode n, String field) {
    // Go's decoder matches field names without regard to case
    var it = n.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().equalsIgnoreCase(field) && e.getValue().isTextual()) {
        return e.getValue().asText();
      }
    }
    return "";
  }
}
