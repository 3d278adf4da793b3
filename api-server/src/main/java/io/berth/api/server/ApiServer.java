package io.berth.api.server;

import io.berth.api.model.ApiVersion;
import io.berth.api.model.ErrorResponse;
import io.berth.api.server.middleware.ErrorMapper;
import io.berth.common.json.Json;
import io.berth.http.HttpHandler;
import io.berth.http.HttpRequest;
import io.berth.http.HttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker Engine API as one {@link HttpHandler}: strips the {@code /vX.Y} prefix once,
 * negotiates the version, dispatches to the routers' routes and maps errors to Docker's bodies.
 */
public final class ApiServer implements HttpHandler {
  private static final System.Logger LOG = System.getLogger("berth.api");
  private static final Pattern VERSIONED = Pattern.compile("^/v([0-9]+\\.[0-9]+)(/.*)$");

  private final List<Route.Compiled> routes = new ArrayList<>();
  private final String serverHeader;

  public ApiServer(String engineVersion, List<Router> routers) {
    this.serverHeader = "Berth/" + engineVersion + " (linux)";
    for (Router r : routers) {
      for (Route route : r.routes()) {
        routes.add(Route.Compiled.of(route));
      }
    }
  }

  @Override
  public void handle(HttpRequest http, HttpResponse response) throws IOException {
    response.header("Server", serverHeader);
    response.header("Api-Version", ApiVersion.MAX.toString());
    response.header("Ostype", "linux");
    response.header("Docker-Experimental", "false");
    String path = http.path();
    ApiVersion version = ApiVersion.DEFAULT;
    Matcher m = VERSIONED.matcher(path);
    if (m.matches()) {
      version = ApiVersion.parse(m.group(1));
      path = m.group(2);
      String problem = versionProblem(version);
      if (problem != null) {
        error(response, 400, problem);
        return;
      }
    }
    long t0 = System.nanoTime();
    try {
      dispatch(http, response, version, path);
    } finally {
      LOG.log(System.Logger.Level.DEBUG, "{0} {1} ({2} ms)", http.method(), http.path(),
          (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private void dispatch(HttpRequest http, HttpResponse response, ApiVersion version, String path)
      throws IOException {
    String method = http.method();
    for (Route.Compiled c : routes) {
      if (!c.route().method().equals(method)) {
        continue;
      }
      Map<String, String> vars = c.match(path);
      if (vars == null) {
        continue;
      }
      if (version.lessThan(c.route().minVersion())) {
        break;
      }
      try {
        c.route().handler().handle(new ApiRequest(http, response, version, vars));
      } catch (Exception e) {
        fail(http, response, e);
      }
      return;
    }
    error(response, 404, "page not found");
  }

  private static void fail(HttpRequest http, HttpResponse response, Exception e) throws IOException {
    int status = ErrorMapper.status(e);
    // a failure because the client left is the client's business, not the daemon's
    boolean clientGone = http.clientLeft();
    if (status == 500 && !clientGone) {
      LOG.log(System.Logger.Level.WARNING, http.method() + " " + http.path() + ": " + e, e);
    } else {
      LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2}", http.method(), http.path(), e.getMessage());
    }
    if (response.committed()) {
      throw new IOException("failed after the response started: " + ErrorMapper.message(e), e);
    }
    error(response, status, ErrorMapper.message(e));
  }

  static String versionProblem(ApiVersion v) {
    if (v == null) {
      return "invalid API version";
    }
    if (v.compareTo(ApiVersion.MAX) > 0) {
      return "client version " + v + " is too new. Maximum supported API version is " + ApiVersion.MAX;
    }
    if (v.compareTo(ApiVersion.MIN) < 0) {
      return "client version " + v + " is too old. Minimum supported API version is "
          + ApiVersion.MIN + ", please upgrade your client to a newer version";
    }
    return null;
  }

  public static void error(HttpResponse response, int status, String message) {
    response.send(status, "application/json", Json.bytes(new ErrorResponse(message)));
  }

  public static void json(HttpResponse response, int status, Object body) {
    byte[] b = Json.bytes(body);
    byte[] withNewline = java.util.Arrays.copyOf(b, b.length + 1);
    withNewline[b.length] = '\n';
    response.send(status, "application/json", withNewline);
  }
}
