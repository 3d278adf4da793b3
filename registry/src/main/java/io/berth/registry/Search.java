package io.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's search: the v1 {@code /v1/search} endpoint of Docker Hub's index or of a registry that
 * offers it (after its {@code /v1/_ping}), with Basic credentials when a user name is given.
 */
public final class Search {
  /** One result, as the index words it. */
  public record Result(String name, String description, long starCount, boolean official, boolean automated) {}

  private static final URI HUB_INDEX = URI.create("https://index.docker.io");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** dockerd's TLS handshake timeout: a plain-HTTP server that never answers a TLS hello costs this once. */
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);

  private Search() {}

  /**
   * Asks {@code domain}'s index for {@code query}.
   *
   * @throws IOException when no endpoint answers; the message says which and why
   */
  public static List<Result> search(RegistryClient client, String domain, String query, int limit,
      Credentials credentials) throws IOException {
    List<Endpoint> endpoints = RegistryHosts.HUB_DOMAIN.equals(domain)
        ? List.of(new Endpoint(HUB_INDEX, true, false))
        : client.endpoints(domain);
    List<String> failures = new ArrayList<>();
    for (Endpoint e : endpoints) {
      try {
        if (!RegistryHosts.HUB_DOMAIN.equals(domain)) {
          send(client, e, "/v1/_ping", credentials, PING_TIMEOUT).body().close();
        }
        HttpResponse<InputStream> r = send(client, e, "/v1/search?q="
            + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&n=" + limit, credentials, TIMEOUT);
        try (InputStream in = r.body()) {
          if (r.statusCode() != 200) {
            throw new RegistryException(r.statusCode(), List.of(new RegistryException.Error("UNKNOWN",
                "Unexpected status code " + r.statusCode())), "Unexpected status code " + r.statusCode());
          }
          return parse(in.readNBytes(16 << 20));
        }
      } catch (RegistryException ex) {
        throw ex;
      } catch (InterruptedIOException ex) {
        throw ex;
      } catch (IOException ex) {
        if (!e.plainHttp() && !e.verifyTls()) {
          client.refusedHttps(e); // an insecure registry that spoke no TLS: HTTP first from now on
        }
        failures.add(e.base() + ": " + ex.getMessage());
      }
    }
    throw new IOException("invalid registry endpoint " + domain + ": " + String.join("; ", failures));
  }

  private static HttpResponse<InputStream> send(RegistryClient client, Endpoint e, String path, Credentials c,
      Duration timeout) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(e.base().resolve(path)).timeout(timeout)
        .header("X-Docker-Token", "true").GET();
    if (!c.username().isEmpty()) {
      b.header("Authorization", c.basicHeader());
    }
    try {
      return client.http(e).send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while searching " + e);
    }
  }

  static List<Result> parse(byte[] body) throws IOException {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(body);
    } catch (IOException ex) {
      throw new IOException("error decoding registry search results: " + ex.getMessage(), ex);
    }
    List<Result> out = new ArrayList<>();
    for (JsonNode r : doc.path("results")) {
      out.add(new Result(r.path("name").asText(""), r.path("description").asText(""),
          r.path("star_count").asLong(0), r.path("is_official").asBoolean(false),
          r.path("is_automated").asBoolean(false)));
    }
    return out;
  }
}
