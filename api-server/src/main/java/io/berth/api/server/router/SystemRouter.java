package io.berth.api.server.router;

import io.berth.api.server.ApiRequest;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.SystemBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /_ping}, {@code /version}, {@code /info}. */
public final class SystemRouter implements Router {
  private final SystemBackend backend;

  public SystemRouter(SystemBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/_ping", r -> ping(r, true)),
        Route.head("/_ping", r -> ping(r, false)),
        Route.get("/version", r -> VersionedJson.send(r, 200, backend.version())),
        Route.get("/info", r -> VersionedJson.send(r, 200, backend.info())));
  }

  private void ping(ApiRequest r, boolean withBody) {
    var resp = r.response();
    resp.header("Builder-Version", "1");
    resp.header("Swarm", "inactive");
    resp.header("Cache-Control", "no-cache, no-store, must-revalidate");
    resp.header("Pragma", "no-cache");
    if (withBody) {
      resp.send(200, "text/plain; charset=utf-8", "OK".getBytes(StandardCharsets.UTF_8));
    } else {
      resp.header("Content-Type", "text/plain; charset=utf-8");
      resp.status(200);
    }
  }
}
