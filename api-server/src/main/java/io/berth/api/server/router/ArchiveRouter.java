package io.berth.api.server.router;

import io.berth.api.server.ApiRequest;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.ArchiveBackend;
import java.util.List;

/** {@code /containers/{id}/archive}: {@code docker cp}'s stat, read and write of a container's files. */
public final class ArchiveRouter implements Router {
  private final ArchiveBackend backend;

  public ArchiveRouter(ArchiveBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.head("/containers/{name}/archive", r -> {
          statHeader(r, backend.containerStatPath(r.path("name"), archivePath(r)));
          r.response().status(200);
        }),
        Route.get("/containers/{name}/archive", r -> {
          var archive = backend.containerArchive(r.path("name"), archivePath(r));
          statHeader(r, archive.stat());
          TarResponse.send(r, archive.body());
        }),
        Route.put("/containers/{name}/archive", r -> {
          backend.containerExtract(r.path("name"), archivePath(r), r.bool("noOverwriteDirNonDir"),
              r.bool("copyUIDGID"), r.body());
          r.response().status(200);
        }));
  }

  /** dockerd's words for a missing path, its missing space included. */
  private static String archivePath(ApiRequest r) {
    String path = r.query("path", "");
    if (path.isEmpty()) {
      throw new io.berth.common.error.InvalidParameterException("bad parameter: pathcannot be empty");
    }
    return path;
  }

  private static void statHeader(ApiRequest r, io.berth.api.model.container.PathStat stat) {
    r.response().header("X-Docker-Container-Path-Stat",
        java.util.Base64.getEncoder().encodeToString(io.berth.common.json.Json.bytes(stat)));
  }
}
