package io.berth.api.server.router;

import io.berth.api.model.ApiVersion;
import io.berth.api.server.ApiRequest;
import io.berth.api.server.ApiServer;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.model.network.NetworkCreateRequest;
import io.berth.api.server.backend.NetworkBackend;
import io.berth.common.error.InvalidParameterException;
import java.util.List;

/** {@code /networks}; connecting and disconnecting containers is the container backend's. */
public final class NetworkRouter implements Router {
  private static final ApiVersion DETAILED_LISTS_BEFORE = ApiVersion.of("1.28");
  private final NetworkBackend backend;
  private final io.berth.api.server.backend.ContainerBackend containers;

  public NetworkRouter(NetworkBackend backend, io.berth.api.server.backend.ContainerBackend containers) {
    this.backend = backend;
    this.containers = containers;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/networks", r -> VersionedJson.send(r, 200,
            backend.networkList(r.filters(), r.version().lessThan(DETAILED_LISTS_BEFORE)))),
        Route.post("/networks/create", r -> ApiServer.json(r.response(), 201,
            backend.networkCreate(r.json(NetworkCreateRequest.class)))),
        Route.post("/networks/prune", r -> ApiServer.json(r.response(), 200, backend.networkPrune(r.filters()))),
        Route.get("/networks/{id:.*}", r -> VersionedJson.send(r, 200, inspect(r))),
        Route.post("/networks/{id:.*}/connect", r -> {
          var body = r.json(com.fasterxml.jackson.databind.JsonNode.class);
          var settings = body == null || !body.path("EndpointConfig").isObject() ? null
              : io.berth.common.json.Json.mapper().treeToValue(body.get("EndpointConfig"),
                  io.berth.api.model.network.EndpointSettings.class);
          backend.networkInspect(r.path("id"));
          containers.networkConnect(r.path("id"), container(body), settings);
          r.response().status(200);
        }),
        Route.post("/networks/{id:.*}/disconnect", r -> {
          var body = r.json(com.fasterxml.jackson.databind.JsonNode.class);
          backend.networkInspect(r.path("id"));
          containers.networkDisconnect(r.path("id"), container(body), body != null && body.path("Force").asBoolean());
          r.response().status(200);
        }),
        Route.delete("/networks/{id:.*}", r -> {
          backend.networkRemove(r.path("id"));
          r.response().status(204);
        }));
  }

  private Object inspect(ApiRequest r) {
    String verbose = r.query("verbose", "");
    if (!verbose.isEmpty() && !List.of("1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE",
        "False").contains(verbose)) {
      throw new InvalidParameterException("invalid value for verbose: " + verbose + ": strconv.ParseBool: parsing \""
          + verbose + "\": invalid syntax");
    }
    return backend.networkInspect(r.path("id"));
  }

  private static String container(com.fasterxml.jackson.databind.JsonNode body) {
    String c = body == null ? "" : body.path("Container").asText("");
    if (c.isEmpty()) {
      throw new InvalidParameterException("no container specified");
    }
    return c;
  }
}
