package io.berth.cli;

import io.berth.http.HttpHandler;
import io.berth.http.HttpRequest;
import io.berth.http.HttpResponse;
import io.berth.http.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A daemon stand-in on a unix socket: canned answers per "METHOD /path" (version prefix
 * stripped), every request recorded. Unrouted requests get Docker's 404 page-not-found.
 */
final class FakeDaemon implements AutoCloseable {
  /** A recorded request. */
  record Call(String method, String path, Map<String, List<String>> query, String body) {}

  private final Path dir;
  final Path socket;
  private final HttpServer server;
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  FakeDaemon() throws IOException {
    dir = Files.createTempDirectory(Path.of("/tmp"), "bcli");
    socket = dir.resolve("d.sock");
    server = HttpServer.bindUnix(socket, PosixFilePermissions.fromString("rw-rw----"), this::handle);
  }

  FakeDaemon on(String route, HttpHandler h) {
    routes.put(route, h);
    return this;
  }

  FakeDaemon json(String route, int status, String body) {
    return on(route, (req, resp) -> resp.send(status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
  }

  private void handle(HttpRequest req, HttpResponse resp) throws Exception {
    String path = req.path().replaceFirst("^/v1\\.\\d+", "");
    byte[] body = req.body().readAllBytes();
    calls.add(new Call(req.method(), path, req.query(), new String(body, StandardCharsets.UTF_8)));
    HttpHandler h = routes.get(req.method() + " " + path);
    if (h == null) {
      resp.send(404, "application/json", "{\"message\":\"page not found\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    h.handle(req, resp);
  }

  void reset() {
    routes.clear();
    calls.clear();
  }

  Call last(String method, String path) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).method().equals(method) && calls.get(i).path().equals(path)) {
        return calls.get(i);
      }
    }
    return null;
  }

  /** Runs the CLI in-process against this daemon. */
  Result runWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("BERTH_HOST", "unix://" + socket, "FROM_ENV", "env-value"));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  /** What a command printed and how it exited. */
  record Result(int code, String out, String err) {}

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
