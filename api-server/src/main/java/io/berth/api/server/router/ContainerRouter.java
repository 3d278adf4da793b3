package io.berth.api.server.router;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.ApiVersion;
import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import io.berth.api.model.container.WaitResponse;
import io.berth.api.server.ApiRequest;
import io.berth.api.server.ApiServer;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.AttachOptions;
import io.berth.api.server.backend.ContainerBackend;
import io.berth.api.server.backend.ContainerListOptions;
import io.berth.api.server.backend.ContainerLogsOptions;
import io.berth.api.server.backend.ContainerStopOptions;
import io.berth.api.server.backend.StdStreams;
import io.berth.api.server.backend.WaitCondition;
import io.berth.api.server.create.CreateRequestCheck;
import io.berth.api.server.stream.FramedSink;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import io.berth.http.Hijacked;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The container routes. */
public final class ContainerRouter implements Router {
  private static final String RAW = "application/vnd.docker.raw-stream";
  private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  private final ContainerBackend backend;

  public ContainerRouter(ContainerBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/containers/create", this::containerCreate),
        Route.post("/commit", this::commit),
        Route.get("/containers/json", this::containerList),
        Route.get("/containers/{name}/json", this::containerInspect),
        Route.get("/containers/{name}/export", this::containerExport),
        Route.get("/containers/{name}/top", r -> ApiServer.json(r.response(), 200,
            backend.containerTop(r.path("name"), r.query("ps_args", "")))),
        Route.post("/containers/{name}/pause", r -> {
          backend.containerPause(r.path("name"));
          r.response().status(204);
        }),
        Route.post("/containers/{name}/unpause", r -> {
          backend.containerUnpause(r.path("name"));
          r.response().status(204);
        }),
        Route.post("/containers/{name}/rename", r -> {
          backend.containerRename(r.path("name"), r.query("name", ""));
          r.response().status(204);
        }),
        Route.post("/containers/{name}/update", this::containerUpdate),
        Route.get("/containers/{name}/changes",
            r -> ApiServer.json(r.response(), 200, backend.containerChanges(r.path("name")))),
        Route.post("/containers/{name}/start", this::containerStart),
        Route.post("/containers/{name}/stop", this::containerStop),
        Route.post("/containers/{name}/restart", this::containerRestart),
        Route.post("/containers/{name}/kill", this::containerKill),
        Route.post("/containers/{name}/wait", this::containerWait),
        Route.delete("/containers/{name}", this::containerDelete),
        Route.post("/containers/prune", r -> io.berth.api.server.ApiServer.json(r.response(), 200,
            backend.containerPrune(r.filters()))),
        Route.get("/containers/{name}/logs", this::containerLogs),
        Route.post("/containers/{name}/attach", this::containerAttach),
        Route.post("/containers/{name}/resize", this::containerResize));
  }

  /** {@code POST /commit}: the body, if any, is a Config whose fields go over the container's. */
  private void commit(ApiRequest r) throws IOException {
    JsonNode body = r.json(JsonNode.class);
    ContainerConfig config = null;
    if (body != null && body.isObject()) {
      try {
        config = Json.mapper().treeToValue(body, ContainerConfig.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new InvalidParameterException("invalid JSON: " + e.getOriginalMessage());
      }
    }
    // dockerd pauses unless told not to, from API 1.13 on
    boolean pause = r.query("pause").isEmpty() ? true : r.bool("pause");
    String id = backend.containerCommit(new ContainerBackend.CommitOptions(r.query("container", ""),
        r.query("repo", ""), r.query("tag", ""), r.query("comment", ""), r.query("author", ""), pause,
        r.queryAll("changes"), config));
    ApiServer.json(r.response(), 201, java.util.Map.of("Id", id));
  }

  private void containerUpdate(ApiRequest r) throws IOException {
    JsonNode body = r.json(JsonNode.class);
    io.berth.api.model.container.Resources changes = io.berth.api.model.container.Resources.NONE;
    HostConfig.RestartPolicy restart = null;
    if (body != null && body.isObject()) {
      CreateRequestCheck.checkUpdate(body);
      changes = Json.mapper().treeToValue(body, io.berth.api.model.container.Resources.class);
      JsonNode policy = body.get("RestartPolicy");
      if (policy != null && policy.isObject()) {
        restart = Json.mapper().treeToValue(policy, HostConfig.RestartPolicy.class);
      }
    }
    List<String> warnings = backend.containerUpdate(r.path("name"), changes, restart);
    // a tree, so that no warnings is written as dockerd writes it: null
    var out = Json.mapper().createObjectNode();
    if (warnings == null) {
      out.putNull("Warnings");
    } else {
      warnings.forEach(out.putArray("Warnings")::add);
    }
    ApiServer.json(r.response(), 200, out);
  }

  private void containerCreate(ApiRequest r) throws IOException {
    JsonNode body = r.json(JsonNode.class);
    if (body == null || !body.isObject()) {
      throw new InvalidParameterException("config cannot be empty in order to create a container");
    }
    CreateRequestCheck.check(body);
    ContainerConfig config;
    HostConfig host;
    java.util.Map<String, io.berth.api.model.network.EndpointSettings> endpoints = new java.util.LinkedHashMap<>();
    try {
      config = Json.mapper().treeToValue(body, ContainerConfig.class);
      JsonNode hc = body.get("HostConfig");
      host = hc == null || hc.isNull() ? HostConfig.empty() : Json.mapper().treeToValue(hc, HostConfig.class);
      JsonNode eps = body.path("NetworkingConfig").path("EndpointsConfig");
      if (eps.isObject()) {
        for (var e : eps.properties()) {
          if (e.getValue() != null && e.getValue().isObject()) {
            endpoints.put(e.getKey(), Json.mapper().treeToValue(e.getValue(),
                io.berth.api.model.network.EndpointSettings.class));
          }
        }
      }
      // before API 1.44, --mac-address came as Config.MacAddress: it is the endpoint's MAC
      String mac = body.path("MacAddress").asText("");
      if (!mac.isEmpty()) {
        String key = endpoints.isEmpty() ? (host.networkMode() == null || host.networkMode().isEmpty() ? "default"
            : host.networkMode()) : endpoints.keySet().iterator().next();
        var e = endpoints.getOrDefault(key, io.berth.api.model.network.EndpointSettings.addressless(null, null));
        if (e.macAddress() == null || e.macAddress().isEmpty()) {
          endpoints.put(key, e.withMac(mac));
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidParameterException("invalid JSON: " + e.getOriginalMessage());
    }
    ApiServer.json(r.response(), 201, backend.containerCreate(r.query("name", ""), config, host, endpoints));
  }

  private void containerList(ApiRequest r) {
    var opts =
        new ContainerListOptions(
            r.bool("all"), r.integer("limit").orElse(-1), r.bool("size"), r.filters());
    VersionedJson.send(r, 200, backend.containerList(opts));
  }

  private void containerInspect(ApiRequest r) {
    VersionedJson.send(r, 200, backend.containerInspect(r.path("name")));
  }

  private void containerStart(ApiRequest r) {
    backend.containerStart(r.path("name"));
    r.response().status(204);
  }

  private ContainerStopOptions stopOptions(ApiRequest r) {
    Optional<String> signal =
        r.version().atLeast(ApiVersion.V1_42) ? r.query("signal").filter(s -> !s.isEmpty()) : Optional.empty();
    return new ContainerStopOptions(signal, r.integer("t"));
  }

  private void containerStop(ApiRequest r) {
    backend.containerStop(r.path("name"), stopOptions(r));
    r.response().status(204);
  }

  private void containerRestart(ApiRequest r) {
    backend.containerRestart(r.path("name"), stopOptions(r));
    r.response().status(204);
  }

  private void containerKill(ApiRequest r) {
    backend.containerKill(r.path("name"), r.query("signal", ""));
    r.response().status(204);
  }

  private void containerDelete(ApiRequest r) {
    backend.containerRemove(r.path("name"), r.bool("force"), r.bool("v"));
    r.response().status(204);
  }

  private void containerWait(ApiRequest r) throws IOException {
    // before 1.30 there were no conditions and nothing was sent until the container stopped
    boolean legacy = r.version().lessThan(ApiVersion.V1_30);
    WaitCondition condition =
        legacy ? WaitCondition.NOT_RUNNING : WaitCondition.parse(r.query("condition", ""));
    ContainerBackend.Waiter waiter = backend.containerWait(r.path("name"), condition);
    var resp = r.response();
    resp.status(200);
    resp.header("Content-Type", "application/json");
    if (!legacy) {
      // The CLI takes the arrival of the headers as "registered" and only then starts the container.
      resp.flush();
    }
    WaitResponse result;
    try (var leaving = r.interruptWhenClientLeaves()) {
      result = waiter.await();
    }
    try (OutputStream out = resp.body()) {
      // clients before 1.34 learn that a removal failed only from an empty body
      if (condition == WaitCondition.REMOVED && result.error() != null
          && r.version().lessThan(ApiVersion.V1_34)) {
        return;
      }
      out.write(VersionedJson.bytes(result, r.version()));
      out.write('\n');
    }
  }

  private void containerExport(ApiRequest r) throws IOException {
    TarResponse.send(r, backend.containerExport(r.path("name")));
  }

  /** dockerd parses both sizes with Go's Atoi and reports its words, an absent one included. */
  private void containerResize(ApiRequest r) {
    int height = atoi(r.query("h", ""));
    int width = atoi(r.query("w", ""));
    backend.containerResize(r.path("name"), height, width);
    r.response().status(200);
  }

  private static int atoi(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("strconv.Atoi: parsing \"" + s + "\": invalid syntax");
    }
  }

  private void containerLogs(ApiRequest r) throws IOException {
    boolean stdout = r.bool("stdout");
    boolean stderr = r.bool("stderr");
    if (!stdout && !stderr) {
      throw new InvalidParameterException("Bad parameters: you must choose at least one stream");
    }
    String tail = r.query("tail", "all");
    var opts =
        new ContainerLogsOptions(
            stdout,
            stderr,
            r.bool("follow"),
            r.bool("timestamps"),
            tail.equals("all") || tail.isEmpty() ? java.util.OptionalInt.empty() : r.integer("tail"),
            r.query("since").flatMap(ContainerRouter::time),
            r.query("until").flatMap(ContainerRouter::time));
    ContainerBackend.Streamer logs = backend.containerLogs(r.path("name"), opts);
    var resp = r.response();
    boolean multiplexed = !logs.tty();
    resp.status(200);
    resp.header(
        "Content-Type", multiplexed && r.version().atLeast(ApiVersion.V1_42) ? MULTIPLEXED : RAW);
    resp.flush();
    try (OutputStream out = resp.body(); var leaving = r.interruptWhenClientLeaves()) {
      FramedSink sink = new FramedSink(out, multiplexed, false);
      logs.copyTo(sink, opts.timestamps());
      sink.flush();
    }
  }

  private void containerAttach(ApiRequest r) throws IOException {
    var opts =
        new AttachOptions(
            r.bool("stream"), r.bool("logs"), r.bool("stdin"), r.bool("stdout"), r.bool("stderr"),
            r.query("detachKeys", ""));
    ContainerBackend.Attacher attacher = backend.containerAttach(r.path("name"), opts);
    boolean multiplexed = !attacher.tty();
    var resp = r.response();
    boolean upgrade = r.http().header("Upgrade") != null;
    resp.header(
        "Content-Type", multiplexed && r.version().atLeast(ApiVersion.V1_42) ? MULTIPLEXED : RAW);
    String statusLine = "HTTP/1.1 200 OK";
    if (upgrade) {
      resp.header("Connection", "Upgrade");
      resp.header("Upgrade", "tcp");
      statusLine = "HTTP/1.1 101 UPGRADED";
    }
    try (Hijacked conn = resp.hijack(statusLine); var leaving = r.interruptWhenClientLeaves()) {
      FramedSink sink = new FramedSink(conn.out(), multiplexed, false);
      attacher.run(new StdStreams(opts.stdin() ? conn.in() : null, sink));
      sink.flush();
      conn.shutdownOutput();
    }
  }

  /** Docker accepts RFC 3339 times and Unix seconds with an optional fraction. */
  static Optional<Instant> time(String s) {
    if (s.isEmpty() || s.equals("0")) {
      return Optional.empty();
    }
    try {
      if (s.matches("[0-9]+(\\.[0-9]+)?")) {
        int dot = s.indexOf('.');
        long secs = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
        long nanos = dot < 0 ? 0 : Long.parseLong((s.substring(dot + 1) + "000000000").substring(0, 9));
        return Optional.of(Instant.ofEpochSecond(secs, nanos));
      }
      return Optional.of(java.time.OffsetDateTime.parse(s).toInstant());
    } catch (RuntimeException e) {
      throw new InvalidParameterException("invalid time value: " + s);
    }
  }
}
