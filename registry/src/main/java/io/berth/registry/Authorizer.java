package io.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Authorization header of one repository's requests: none until the endpoint has answered a
 * challenge, then Basic credentials or a bearer token for the repository's scopes, fetched from
 * the challenge's realm as dockerd fetches it and cached in the client's token cache.
 */
final class Authorizer {
  private final RegistryClient client;
  private final Endpoint endpoint;
  private final Credentials credentials;
  private final List<String> scopes;
  private final boolean login;
  private volatile String refreshToken = "";

  Authorizer(RegistryClient client, Endpoint endpoint, Credentials credentials, List<String> scopes, boolean login) {
    this.client = client;
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.scopes = scopes;
    this.login = login;
  }

  /** The refresh token a token server gave, or empty. */
  String refreshToken() {
    return refreshToken;
  }

  /** The Authorization header for this repository, fetching a token if the challenge asks. */
  Optional<String> header() throws IOException {
    List<Challenge> known = client.challenges().get(endpoint.base().toString());
    if (known == null) {
      return credentials.registryToken().isEmpty()
          ? Optional.empty()
          : Optional.of("Bearer " + credentials.registryToken());
    }
    for (Challenge c : known) {
      if (c.scheme().equals("bearer")) {
        if (!credentials.registryToken().isEmpty()) {
          return Optional.of("Bearer " + credentials.registryToken());
        }
        return Optional.of("Bearer " + token(c));
      }
    }
    for (Challenge c : known) {
      if (c.scheme().equals("basic") && credentials.hasBasic()) {
        return Optional.of(credentials.basicHeader());
      }
    }
    return Optional.empty();
  }

  /** A bearer token for this scope from the challenge's realm, cached until it expires. */
  private String token(Challenge c) throws IOException {
    String realm = c.param("realm");
    String service = c.param("service");
    if (realm.isEmpty()) {
      throw new RegistryException(401, List.of(new RegistryException.Error("UNAUTHORIZED",
          "no realm specified for token auth challenge")), "no realm specified for token auth challenge");
    }
    String scope = String.join(" ", scopes);
    String key = TokenCache.key(realm, service, scope, credentials);
    TokenCache.Token cached = client.tokens().get(key);
    if (cached != null) {
      return cached.token();
    }
    HttpRequest.Builder b;
    if (!credentials.identityToken().isEmpty()) {
      String form = "grant_type=refresh_token&refresh_token=" + Repository.enc(credentials.identityToken())
          + "&service=" + Repository.enc(service) + "&client_id=docker"
          + (scope.isEmpty() ? "" : "&scope=" + Repository.enc(scope));
      b = HttpRequest.newBuilder(URI.create(realm))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    } else {
      // the parameters in Go's url.Values order (sorted by key), as dockerd sends them
      StringBuilder q = new StringBuilder();
      if (credentials.hasBasic()) {
        q.append("account=").append(Repository.enc(credentials.username())).append('&');
      }
      if (login) {
        q.append("client_id=docker&offline_token=true&");
      }
      for (String one : scopes) {
        q.append("scope=").append(Repository.enc(one)).append('&');
      }
      if (!service.isEmpty()) {
        q.append("service=").append(Repository.enc(service)).append('&');
      }
      q.setLength(Math.max(0, q.length() - 1));
      URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + q);
      b = HttpRequest.newBuilder(uri).GET();
      if (credentials.hasBasic()) {
        b.header("Authorization", credentials.basicHeader());
      }
    }
    HttpResponse<InputStream> r = rawTo(URI.create(realm), b.timeout(Repository.REQUEST_TIMEOUT).build());
    JsonNode doc;
    try (InputStream in = r.body()) {
      Repository.check(r);
      doc = Json.mapper().readTree(in.readNBytes(1 << 20));
    }
    String token = doc.path("token").asText("");
    if (token.isEmpty()) {
      token = doc.path("access_token").asText("");
    }
    if (token.isEmpty()) {
      throw new IOException("authorization server did not include a token in the response");
    }
    long expiresIn = Math.max(60, doc.path("expires_in").asLong(60));
    // renewed 10% early, so that a token never lapses in the middle of a request
    Instant expires = Instant.now().plusSeconds(expiresIn - expiresIn / 10);
    String refresh = doc.path("refresh_token").asText("");
    if (!refresh.isEmpty()) {
      this.refreshToken = refresh;
    }
    client.tokens().put(key, new TokenCache.Token(token, expires));
    return token;
  }

  /** Token servers are reached with certificate checks unless their host is insecure too. */
  private HttpResponse<InputStream> rawTo(URI uri, HttpRequest req) throws IOException {
    Endpoint e = new Endpoint(uri, !client.hosts().insecure(uri.getRawAuthority()), false);
    try {
      return client.http(e).send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching a token from " + uri);
    }
  }

}
