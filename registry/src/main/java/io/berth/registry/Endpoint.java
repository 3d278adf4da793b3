package io.berth.registry;

import java.net.URI;

/**
 * One way to reach a registry: its base URI ({@code https://registry-1.docker.io}), whether its
 * TLS certificate is checked, and whether it is a mirror (on whose errors a pull tries the next).
 */
public record Endpoint(URI base, boolean verifyTls, boolean mirror) {
  public boolean plainHttp() {
    return "http".equals(base.getScheme());
  }

  /** {@code host[:port]} as the token and error messages name it. */
  public String host() {
    return base.getRawAuthority();
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
