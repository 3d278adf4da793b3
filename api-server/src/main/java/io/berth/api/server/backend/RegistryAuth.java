package io.berth.api.server.backend;

/**
 * A client's credentials for a registry, from {@code X-Registry-Auth} or {@code POST /auth}; all
 * empty for anonymous access.
 */
public record RegistryAuth(
    String username, String password, String serverAddress, String identityToken, String registryToken) {
  public static final RegistryAuth ANONYMOUS = new RegistryAuth("", "", "", "", "");

  public RegistryAuth {
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    serverAddress = serverAddress == null ? "" : serverAddress;
    identityToken = identityToken == null ? "" : identityToken;
    registryToken = registryToken == null ? "" : registryToken;
  }

  @Override
  public String toString() {
    return "RegistryAuth[" + (username.isEmpty() ? "anonymous" : username) + "@" + serverAddress + "]";
  }
}
