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

/**
 * {@code /networks}. Connecting a running container to a network, or disconnecting it, is
 * refused until Berth does it, never accepted and ignored.
 */
public final class NetworkRouter implements Router {
  private static final ApiVersion DETAILED_LISTS_BEFORE = ApiVersion.of("1.28");
  private final NetworkBackend backend;

  public NetworkRouter(NetworkBackend backend) {
    this.backend = backend;
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
        Route.post("/networks/{id:.*}/connect", r -> refuseAttachment(r, "connecting containers to")),
        Route.post("/networks/{id:.*}/disconnect", r -> refuseAttachment(r, "disconnecting containers from")),
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

  /** The network must exist (dockerd's 404 first), then the operation is refused. */
  private void refuseAttachment(ApiRequest r, String what) {
    backend.networkInspect(r.path("id"));
    throw new InvalidParameterException("berth does not support " + what + " networks yet");
  }
}
