package io.berth.client;

import io.berth.api.model.system.Info;

/** {@code /_ping}, {@code /version} and {@code /info}. */
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

  public byte[] infoRaw() {
    return c.bytes("GET", "/info", null, null);
  }
}
