package io.berth.registry;

import io.berth.common.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a client gave to reach a registry: user and password, an identity (refresh) token, or a
 * bearer token of its own; all empty for anonymous access.
 */
public record Credentials(String username, String password, String identityToken, String registryToken) {
  public static final Credentials ANONYMOUS = new Credentials("", "", "", "");

  public Credentials {
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    identityToken = identityToken == null ? "" : identityToken;
    registryToken = registryToken == null ? "" : registryToken;
  }

  public static Credentials basic(String username, String password) {
    return new Credentials(username, password, "", "");
  }

  public boolean anonymous() {
    return username.isEmpty() && password.isEmpty() && identityToken.isEmpty() && registryToken.isEmpty();
  }

  boolean hasBasic() {
    return !username.isEmpty() || !password.isEmpty();
  }

  String basicHeader() {
    return "Basic " + Base64.getEncoder().encodeToString(
        (username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Tells credentials apart in caches without keeping a password in a key. */
  String fingerprint() {
    return Digest.sha256((username + "\0" + password + "\0" + identityToken + "\0" + registryToken)
        .getBytes(StandardCharsets.UTF_8)).hex();
  }

  @Override
  public String toString() {
    return anonymous() ? "anonymous" : "credentials of '" + username + "'";
  }
}
