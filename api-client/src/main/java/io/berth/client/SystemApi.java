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

  public byte[] infoRaw() {
    return c.bytes("GET", "/info", null, null);
  }
}
