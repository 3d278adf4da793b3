package io.berth.api.server.router;

import io.berth.api.model.ApiVersion;
import io.berth.api.model.stream.JsonMessage;
import io.berth.api.server.ApiRequest;
import io.berth.api.server.ApiServer;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.ImageBackend;
import io.berth.api.server.backend.ProgressListener;
import io.berth.api.server.backend.RegistryAuth;
import io.berth.api.server.middleware.ErrorMapper;
import io.berth.api.server.stream.JsonMessageWriter;
import io.berth.common.error.InvalidParameterException;
import java.io.IOException;
import java.util.List;

/** The image routes. */
public final class ImageRouter implements Router {
  private final ImageBackend backend;

  public ImageRouter(ImageBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/images/json", this::imageList),
        Route.post("/images/create", this::imageCreate),
        Route.post("/images/prune", r -> ApiServer.json(r.response(), 200, backend.imagePrune(r.filters()))),
        Route.post("/images/bootstrap", this::imageBootstrap),
        Route.get("/images/get", r -> imageSave(r, r.queryAll("names"))),
        Route.post("/images/load", this::imageLoad),
        Route.get("/images/{name:.*}/get", r -> imageSave(r, List.of(r.path("name")))),
        Route.get("/images/{name:.*}/json", this::imageInspect),
        Route.get("/images/{name:.*}/history", this::imageHistory),
        Route.post("/images/{name:.*}/tag", this::imageTag),
        Route.post("/images/{name:.*}/push", this::imagePush),
        Route.delete("/images/{name:.*}", this::imageDelete));
  }

  private void imageList(ApiRequest r) {
    VersionedJson.send(r, 200, backend.imageList(r.bool("all"), r.filters()));
  }

  private void imageInspect(ApiRequest r) {
    VersionedJson.send(r, 200, backend.imageInspect(r.path("name")));
  }

  private void imageHistory(ApiRequest r) {
    // from 1.48 a client may name a platform; Berth keeps one platform per image and cannot pick
    if (r.version().atLeast(ApiVersion.of("1.48")) && !r.query("platform", "").isEmpty()) {
      throw new InvalidParameterException("berth does not support the platform parameter yet");
    }
    ApiServer.json(r.response(), 200, backend.imageHistory(r.path("name")));
  }

  private void imageTag(ApiRequest r) {
    backend.imageTag(r.path("name"), r.query("repo", ""), r.query("tag", ""));
    r.response().status(201);
  }

  private void imageDelete(ApiRequest r) {
    ApiServer.json(
        r.response(), 200, backend.imageDelete(r.path("name"), r.bool("force"), r.bool("noprune")));
  }

  private void imageCreate(ApiRequest r) throws IOException {
    var out = new JsonMessageWriter(r.response());
    String fromSrc = r.query("fromSrc", "");
    String fromImage = r.query("fromImage", "");
    progress(
        out,
        () -> {
          if (fromSrc.equals("-")) {
            var opts =
                new ImageBackend.ImportOptions(
                    r.query("repo", ""), r.query("tag", ""), r.query("message", ""), r.queryAll("changes"));
            out.status(null, backend.imageImport(r.body(), opts, out));
          } else if (!fromSrc.isEmpty()) {
            throw new InvalidParameterException("importing from a URL is not supported: " + fromSrc);
          } else if (!fromImage.isEmpty()) {
            backend.imagePull(fromImage, r.query("tag", ""), r.query("platform", ""),
                RegistryAuthHeader.lenient(r.http().header("X-Registry-Auth")), out);
          } else {
            throw new InvalidParameterException("fromImage or fromSrc is required");
          }
        });
  }

  private void imagePush(ApiRequest r) throws IOException {
    if (r.version().atLeast(ApiVersion.of("1.46")) && !r.query("platform", "").isEmpty()) {
      throw new InvalidParameterException("berth does not support the platform parameter yet");
    }
    var out = new JsonMessageWriter(r.response());
    // as dockerd: an unreadable header means anonymous, and the registry then says what it needs
    RegistryAuth auth = RegistryAuthHeader.lenient(r.http().header("X-Registry-Auth"));
    progress(out, () -> backend.imagePush(r.path("name"), r.query("tag", ""), auth, out));
  }

  private void imageSave(ApiRequest r, List<String> names) throws IOException {
    if (r.version().atLeast(ApiVersion.of("1.48")) && !r.queryAll("platform").isEmpty()) {
      throw new InvalidParameterException("berth does not support the platform parameter yet");
    }
    TarResponse.send(r, backend.imageSave(names));
  }

  /**
   * As dockerd: the answer is a JSON stream; {@code quiet} (the CLI's when not on a terminal)
   * leaves out the {@code Loading layer} progress.
   */
  private void imageLoad(ApiRequest r) throws IOException {
    if (r.version().atLeast(ApiVersion.of("1.48")) && !r.queryAll("platform").isEmpty()) {
      throw new InvalidParameterException("berth does not support the platform parameter yet");
    }
    var out = new JsonMessageWriter(r.response());
    ProgressListener layers = r.bool("quiet") ? null : out;
    progress(out, () -> backend.imageLoad(r.body(), layers, line -> out.write(JsonMessage.stream(line + "\n"))));
  }

  private void imageBootstrap(ApiRequest r) throws IOException {
    var out = new JsonMessageWriter(r.response());
    String name = r.query("name", "");
    progress(out, () -> out.status(null, backend.imageBootstrap(name, out)));
  }

  /**
   * Runs a progress-reporting operation: an error before any output is a real HTTP error, after
   * that it goes in-band, as Docker does.
   */
  private static void progress(JsonMessageWriter out, Runnable op) throws IOException {
    try {
      op.run();
    } catch (RuntimeException e) {
      if (!out.started()) {
        throw e;
      }
      out.write(JsonMessage.error(ErrorMapper.message(e)));
    }
    out.close();
  }
}
