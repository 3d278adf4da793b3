package io.berth.client;

import io.berth.api.model.system.Info;
import java.util.List;
import java.util.Map;

/** {@code /_ping}, {@code /version}, {@code /info}, {@code /system/df}, {@code /auth}, search. */
public final class SystemApi {
  private final DockerClient c;

  SystemApi(DockerClient c) {
    this.c = c;
  }

  /** The ping body, {@code OK}. */
  public String ping() {
    return new String(c.bytes("GET", "/_ping", null, null), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The raw version document; templates walk it as a map. */
  public byte[] versionRaw() {
    return c.bytes("GET", "/version", null, null);
  }

  public Info info() {
    return c.json("GET", "/info", null, null, Info.class);
  }

  /** {@code POST /auth}: the daemon checks the login against the registry; {@code Status}, {@code IdentityToken}. */
  public java.util.Map<String, Object> login(String username, String password, String server) {
    byte[] body = new io.berth.client.json.JsonWriter().beginObject().member("username", username)
        .member("password", password).member("serveraddress", server).endObject().toBytes();
    return io.berth.client.json.JsonReader.object(c.bytes("POST", "/auth", null, body));
  }

  /** {@code GET /system/df}, every kind, as the daemon sent it. */
  public byte[] diskUsageRaw() {
    return c.bytes("GET", "/system/df", null, null);
  }

  /** {@code GET /images/search}: the raw result list. */
  public byte[] searchRaw(String term, int limit, Map<String, List<String>> filters, String registryAuth) {
    Query q = Query.of().add("term", term);
    if (limit > 0) {
      q.add("limit", Integer.toString(limit));
    }
    if (filters != null && !filters.isEmpty()) {
      q.add("filters", Filters.toJson(filters));
    }
    return DockerClient.readAll(c.send("GET", "/images/search", q, null,
        registryAuth == null || registryAuth.isEmpty() ? Map.of() : Map.of("X-Registry-Auth", registryAuth)));
  }

  public byte[] infoRaw() {
    return c.bytes("GET", "/info", null, null);
  }
}
