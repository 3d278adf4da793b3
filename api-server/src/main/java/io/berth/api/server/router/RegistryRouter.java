package io.berth.api.server.router;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.server.ApiRequest;
import io.berth.api.server.ApiServer;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.RegistryBackend;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /auth}: a login checked against the registry. */
public final class RegistryRouter implements Router {
  private final RegistryBackend backend;

  public RegistryRouter(RegistryBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.post("/auth", this::auth), Route.get("/images/search", this::search));
  }

  /** dockerd's checks and filters, in its words; the search itself is the backend's. */
  private void search(ApiRequest r) throws IOException {
    String term = r.query("term", "");
    if (term.contains("://")) {
      throw new InvalidParameterException("invalid repository name: repository name (" + term
          + ") should not have a scheme");
    }
    int limit = 0;
    String raw = r.query("limit", "");
    if (!raw.isEmpty()) {
      try {
        limit = Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("invalid limit specified: strconv.Atoi: parsing \"" + raw
            + "\": invalid syntax");
      }
    }
    if (limit < 0) {
      // dockerd answers a negative limit with an empty 200 (an error wrapped in nil)
      r.response().status(200);
      r.response().body().close();
      return;
    }
    if (limit == 0) {
      limit = 25;
    }
    if (limit > 100) {
      throw new InvalidParameterException("limit " + limit + " is outside the range of [1, 100]");
    }
    io.berth.common.filter.Filters f = r.filters().validate(java.util.Set.of("is-automated", "is-official", "stars"));
    boolean wantOfficial = f.has("is-official") && f.bool("is-official");
    boolean notOfficial = f.has("is-official") && !f.bool("is-official");
    boolean automated = f.has("is-automated") && f.bool("is-automated");
    long stars = 0;
    for (String s : f.get("stars")) {
      try {
        stars = Math.max(stars, Long.parseLong(s));
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("invalid filter 'stars=" + s + "': strconv.Atoi: parsing \"" + s
            + "\": invalid syntax");
      }
    }
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    if (!automated) {
      for (RegistryBackend.SearchResult res : backend.search(term, limit,
          RegistryAuthHeader.lenient(r.http().header("X-Registry-Auth")))) {
        if (res.starCount() < stars || (wantOfficial && !res.official()) || (notOfficial && res.official())) {
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("star_count", res.starCount());
        m.put("is_official", res.official());
        m.put("name", res.name());
        m.put("is_automated", false);
        m.put("description", res.description());
        out.add(m);
      }
    }
    ApiServer.json(r.response(), 200, out);
  }

  private void auth(ApiRequest r) throws IOException {
    JsonNode body = r.json(JsonNode.class);
    RegistryBackend.LoginResult result;
    try {
      result = backend.login(RegistryAuthHeader.fromJson(body == null ? Json.mapper().createObjectNode() : body));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(e.getMessage());
    }
    // dockerd's AuthenticateOKBody: both fields, always, in this order
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("IdentityToken", result.identityToken());
    out.put("Status", result.status());
    ApiServer.json(r.response(), 200, out);
  }
}
