package io.berth.api.server.router;

import io.berth.api.server.ApiServer;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.VolumeBackend;
import io.berth.common.error.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /volumes}. Creating a volume is refused until Berth mounts them, never accepted and ignored. */
public final class VolumeRouter implements Router {
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
          throw new InvalidParameterException("berth does not support volumes yet");
        }),
        Route.post("/volumes/prune", r -> ApiServer.json(r.response(), 200, backend.volumePrune(r.filters()))),
        Route.get("/volumes/{name:.*}", r -> ApiServer.json(r.response(), 200, backend.volumeInspect(r.path("name")))),
        Route.delete("/volumes/{name:.*}", r -> {
          backend.volumeRemove(r.path("name"), r.bool("force"));
          r.response().status(204);
        }));
  }
}
