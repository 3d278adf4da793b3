package io.berth.api.server.backend;

import io.berth.api.model.system.EventMessage;
import io.berth.common.filter.Filters;
import java.time.Instant;
import java.util.List;

/** {@code GET /events}: what happened since a time, then what happens, through filters. */
public interface EventsBackend {
  /** @param since null for none; {@code until} bounds the past events as well */
  Subscription subscribe(Instant since, Instant until, Filters filters);

  /** A client's view of the events: those kept from before, then the live ones. */
  interface Subscription extends AutoCloseable {
    List<EventMessage> past();

    /** The next live event, waiting at most {@code millis}; null if none came. */
    EventMessage next(long millis) throws InterruptedException;

    @Override
    void close();
  }
}
