package io.berth.api.server.router;

import io.berth.api.model.ApiVersion;
import io.berth.api.model.system.EventMessage;
import io.berth.api.server.ApiRequest;
import io.berth.api.server.Route;
import io.berth.api.server.Router;
import io.berth.api.server.backend.EventsBackend;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.filter.Filters;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /events}: the kept events since a time, then live ones, each a JSON object flushed
 * as it comes, until {@code until} or the client leaves.
 */
public final class EventsRouter implements Router {
  private static final ApiVersion IMAGE_CREATE = ApiVersion.of("1.46");
  private final EventsBackend backend;

  public EventsRouter(EventsBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.get("/events", this::events));
  }

  private void events(ApiRequest r) throws IOException {
    String sinceArg = r.query("since", "");
    String untilArg = r.query("until", "");
    Instant since = sinceArg.isEmpty() ? null : Filters.timestamp(sinceArg);
    Instant until = untilArg.isEmpty() ? null : Filters.timestamp(untilArg);
    if (until != null && since != null && until.isBefore(since)) {
      throw new InvalidParameterException("`since` time (" + sinceArg + ") cannot be after `until` time (" + untilArg + ")");
    }
    boolean onlyPast = until != null && until.isBefore(Instant.now());
    Filters filters = r.filters();
    boolean skipImageCreate = r.version().lessThan(IMAGE_CREATE);
    var resp = r.response();
    resp.status(200);
    resp.header("Content-Type", "application/json");
    resp.flush();
    try (var sub = backend.subscribe(since, until, filters); OutputStream out = resp.body();
        var leaving = r.interruptWhenClientLeaves()) {
      for (EventMessage m : sub.past()) {
        write(out, m, skipImageCreate);
      }
      out.flush();
      if (onlyPast) {
        return;
      }
      while (until == null || Instant.now().isBefore(until)) {
        long wait = until == null ? 1000 : Math.max(1, Math.min(1000, until.toEpochMilli() - System.currentTimeMillis()));
        EventMessage m;
        try {
          m = sub.next(wait);
        } catch (InterruptedException e) {
          return; // the client left
        }
        if (m != null) {
          write(out, m, skipImageCreate);
          out.flush();
        }
      }
    }
  }

  private static void write(OutputStream out, EventMessage m, boolean skipImageCreate) throws IOException {
    if (skipImageCreate && m.type().equals("image") && m.action().equals("create")) {
      return;
    }
    out.write(Json.bytes(m));
    out.write('\n');
  }
}
