package io.berth.api.server.backend;

/** What the registry routes need: {@code POST /auth}. */
public interface RegistryBackend {
  /** The answer of a login that worked; {@code identityToken} is empty unless a token server gave one. */
  record LoginResult(String status, String identityToken) {}

  /** Checks credentials against the registry of {@code auth.serverAddress()} (Docker Hub when empty). */
  LoginResult login(RegistryAuth auth);
}
