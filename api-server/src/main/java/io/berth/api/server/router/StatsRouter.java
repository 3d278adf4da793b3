package io.berth.api.server.router;

import io.berth.api.model.ApiVersion;
import io.berth.api.server.ApiRequest;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.StatsBackend;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/stats}: streamed, a reading a second, each with the one before;
 * or one reading, with a reading taken a moment before it (so that CPU use has an interval) or,
 * with {@code one-shot}, none.
 */
public final class StatsRouter implements Router {
  /** Long enough for /proc/stat's ticks to give CPU use within a few points, short enough for a quick answer. */
  private static final long SHORT_INTERVAL_MS = 200;
  private static final ApiVersion ONE_SHOT = ApiVersion.of("1.41");
  private final StatsBackend backend;

  public StatsRouter(StatsBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.get("/containers/{name}/stats", this::stats));
  }

  private void stats(ApiRequest r) throws IOException {
    String ref = r.path("name");
    boolean stream = r.query("stream").map(v -> !List.of("0", "false", "no", "none", "").contains(
        v.strip().toLowerCase(java.util.Locale.ROOT))).orElse(true);
    boolean oneShot = !r.version().lessThan(ONE_SHOT) && r.bool("one-shot");
    Map<String, Object> first = backend.containerStats(ref, null);
    var resp = r.response();
    resp.status(200);
    resp.header("Content-Type", "application/json");
    try (OutputStream out = resp.body(); var leaving = r.interruptWhenClientLeaves()) {
      if (!stream) {
        Map<String, Object> one = first;
        if (!oneShot && backend.statsRunning(ref)) {
          Thread.sleep(SHORT_INTERVAL_MS);
          one = backend.containerStats(ref, first);
        }
        write(out, one);
        return;
      }
      Map<String, Object> previous = first;
      write(out, first);
      while (backend.statsRunning(ref)) {
        Thread.sleep(1000);
        previous = backend.containerStats(ref, previous);
        write(out, previous);
      }
    } catch (InterruptedException e) {
      // the client left
    }
  }

  private static void write(OutputStream out, Map<String, Object> reading) throws IOException {
    out.write(Json.bytes(reading));
    out.write('\n');
    out.flush();
  }
}
