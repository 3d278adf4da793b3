package io.berth.api.server.router;

import io.berth.api.model.ApiVersion;
import io.berth.api.model.IdResponse;
import io.berth.api.model.container.ExecCreateRequest;
import io.berth.api.model.container.ExecStartRequest;
import io.berth.api.server.ApiRequest;
import io.berth.api.server.ApiServer;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.ExecBackend;
import io.berth.api.server.backend.OutputSink;
import io.berth.api.server.backend.StdStreams;
import io.berth.api.server.stream.FramedSink;
import io.berth.common.error.InvalidParameterException;
import io.berth.http.Hijacked;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /containers/{id}/exec} and {@code /exec/{id}/...}: exec sessions, as dockerd's router has them. */
public final class ExecRouter implements Router {
  private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  private static final String RAW = "application/vnd.docker.raw-stream";

  private final ExecBackend backend;

  public ExecRouter(ExecBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/containers/{name}/exec", r -> {
          ExecCreateRequest req = r.json(ExecCreateRequest.class);
          if (req == null || req.cmd() == null || req.cmd().isEmpty()) {
            throw new InvalidParameterException("No exec command specified");
          }
          if (r.version().lessThan(ApiVersion.V1_42) && req.consoleSize() != null) {
            req = new ExecCreateRequest(req.user(), req.privileged(), req.tty(), null, req.attachStdin(),
                req.attachStderr(), req.attachStdout(), req.detach(), req.detachKeys(), req.env(), req.workingDir(),
                req.cmd());
          }
          ApiServer.json(r.response(), 201, new IdResponse(backend.execCreate(r.path("name"), req)));
        }),
        Route.post("/exec/{name}/start", this::start),
        Route.post("/exec/{name}/resize", r -> {
          backend.execResize(r.path("name"), dimension(r, "h", "height"), dimension(r, "w", "width"));
          r.response().status(200);
        }),
        Route.get("/exec/{name}/json", r -> ApiServer.json(r.response(), 200, backend.execInspect(r.path("name")))));
  }

  private static int dimension(ApiRequest r, String key, String word) {
    String v = r.query(key, "");
    try {
      long n = Long.parseLong(v);
      if (n < 0 || n > 0xffffffffL) {
        throw new NumberFormatException();
      }
      return (int) n;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid resize " + word + " \"" + v + "\": strconv.ParseUint: parsing \""
          + v + "\": " + (v.matches("[0-9]+") ? "value out of range" : "invalid syntax"));
    }
  }

  private void start(ApiRequest r) throws IOException {
    ExecStartRequest req = r.json(ExecStartRequest.class);
    if (req == null) {
      req = new ExecStartRequest(false, false, null);
    }
    if (req.consoleSize() != null && (r.version().lessThan(ApiVersion.V1_42) || !req.tty())) {
      req = new ExecStartRequest(req.detach(), req.tty(), null);
    }
    ExecBackend.Starter starter = backend.execStart(r.path("name"), req);
    if (req.detach()) {
      starter.run(null);
      r.response().status(200);
      return;
    }
    boolean tty = req.tty() || starter.tty();
    var resp = r.response();
    String statusLine;
    if (r.http().header("Upgrade") != null) {
      resp.header("Content-Type", !tty && r.version().atLeast(ApiVersion.V1_42) ? MULTIPLEXED : RAW);
      resp.header("Connection", "Upgrade");
      resp.header("Upgrade", "tcp");
      statusLine = "HTTP/1.1 101 UPGRADED";
    } else {
      resp.header("Content-Type", RAW);
      statusLine = "HTTP/1.1 200 OK";
    }
    try (Hijacked conn = resp.hijack(statusLine)) {
      FramedSink sink = new FramedSink(conn.out(), !tty, false);
      try {
        starter.run(new StdStreams(conn.in(), sink));
      } catch (RuntimeException e) {
        // past the hijack, dockerd writes the error into the stream as the process's output
        byte[] msg = (e.getMessage() + "\r\n").getBytes(StandardCharsets.UTF_8);
        sink.write(OutputSink.Stream.STDOUT, msg, 0, msg.length);
      }
      sink.flush();
      conn.shutdownOutput();
    }
  }
}
