package io.berth.api.server.backend;

/** What the registry routes need: {@code POST /auth} and {@code GET /images/search}. */
public interface RegistryBackend {
  /** One search result, in the index's words. */
  record SearchResult(String name, String description, long starCount, boolean official, boolean automated) {}

  /**
   * Searches the index {@code term} names (Docker Hub unless it starts with a registry host);
   * {@code limit} is between 1 and 100.
   */
  java.util.List<SearchResult> search(String term, int limit, RegistryAuth auth);

  /** The answer of a login that worked; {@code identityToken} is empty unless a token server gave one. */
  record LoginResult(String status, String identityToken) {}

  /** Checks credentials against the registry of {@code auth.serverAddress()} (Docker Hub when empty). */
  LoginResult login(RegistryAuth auth);
}
