package io.berth.api.server.router;

import io.berth.api.model.ApiVersion;
import io.berth.api.model.system.DiskUsage;
import io.berth.api.server.ApiRequest;
import io.berth.common.error.InvalidParameterException;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.SystemBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /_ping}, {@code /version}, {@code /info}, {@code /system/df}. */
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
        Route.get("/info", r -> VersionedJson.send(r, 200, backend.info())),
        Route.get("/system/df", r -> VersionedJson.send(r, 200, backend.diskUsage(kinds(r)))),
        // Berth builds nothing yet, so it keeps no build cache: a prune of it reclaims nothing
        Route.post("/build/prune", r -> io.berth.api.server.ApiServer.json(r.response(), 200,
            java.util.Map.of("CachesDeleted", java.util.List.of(), "SpaceReclaimed", 0))));
  }

  /** dockerd reads {@code type} from 1.42 on; older clients, or none given, get every kind. */
  private static DiskUsage.Kinds kinds(ApiRequest r) {
    List<String> types = r.queryAll("type");
    if (r.version().lessThan(ApiVersion.V1_42) || types.isEmpty()) {
      return DiskUsage.Kinds.ALL;
    }
    boolean containers = false;
    boolean images = false;
    boolean volumes = false;
    boolean buildCache = false;
    for (String t : types) {
      switch (t) {
        case "container" -> containers = true;
        case "image" -> images = true;
        case "volume" -> volumes = true;
        case "build-cache" -> buildCache = true;
        default -> throw new InvalidParameterException("unknown object type: " + t);
      }
    }
    return new DiskUsage.Kinds(containers, images, volumes, buildCache);
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
