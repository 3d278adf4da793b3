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
    return List.of(Route.post("/auth", this::auth));
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
