package io.berth.api.server.router;

import io.berth.api.model.ApiVersion;
import io.berth.api.model.volume.VolumeCreateRequest;
import io.berth.api.server.ApiServer;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.VolumeBackend;
import io.berth.common.error.UnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /volumes}. */
public final class VolumeRouter implements Router {
  /** From this version prune keeps named volumes unless asked for all; cluster volumes exist. */
  private static final ApiVersion ANONYMOUS_PRUNE = ApiVersion.of("1.42");

  private final VolumeBackend backend;

  public VolumeRouter(VolumeBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/volumes", r -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("Volumes", backend.volumeList(r.filters()));
          body.put("Warnings", null);
          ApiServer.json(r.response(), 200, body);
        }),
        Route.post("/volumes/create", r -> {
          VolumeCreateRequest req = r.json(VolumeCreateRequest.class);
          if (req == null) {
            req = new VolumeCreateRequest(null, null, null, null, null);
          }
          if (req.clusterVolumeSpec() != null && !req.clusterVolumeSpec().isNull()
              && !r.version().lessThan(ANONYMOUS_PRUNE)) {
            throw new UnavailableException("This node is not a swarm manager. Use \"docker swarm init\" or"
                + " \"docker swarm join\" to connect this node to swarm and try again.");
          }
          ApiServer.json(r.response(), 201, backend.volumeCreate(req));
        }),
        Route.post("/volumes/prune", r -> ApiServer.json(r.response(), 200,
            backend.volumePrune(r.filters(), r.version().lessThan(ANONYMOUS_PRUNE)))),
        Route.get("/volumes/{name:.*}", r -> ApiServer.json(r.response(), 200, backend.volumeInspect(r.path("name")))),
        Route.put("/volumes/{name:.*}", r -> {
          throw new UnavailableException("volume update only valid for cluster volumes, but swarm is unavailable");
        }),
        Route.delete("/volumes/{name:.*}", r -> {
          backend.volumeRemove(r.path("name"), r.bool("force"));
          r.response().status(204);
        }));
  }
}
