package io.berth.daemon.events;

import io.berth.api.model.system.EventMessage;
import io.berth.api.server.backend.EventsBackend;
import io.berth.common.filter.Filters;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Every event of the daemon goes through here: the last 256 are kept (dockerd keeps as many) for
 * clients that ask since a time, and each subscriber has a queue of its own. A subscriber that
 * falls more than 1024 events behind loses the oldest, as dockerd's publisher drops them.
 */
public final class EventBus implements EventsBackend {
  private static final int KEPT = 256;
  private static final int QUEUE = 1024;

  private final Deque<EventMessage> kept = new ArrayDeque<>();
  private final List<Sub> subscribers = new CopyOnWriteArrayList<>();

  /** A container's event: its labels, image and name besides {@code extra}, as dockerd sends them. */
  public void container(io.berth.daemon.container.Container c, String action, Map<String, String> extra) {
    Map<String, String> a = new LinkedHashMap<>();
    if (c.config().labels() != null) {
      a.putAll(c.config().labels());
    }
    a.putAll(extra);
    if (c.config().image() != null && !c.config().image().isEmpty()) {
      a.put("image", c.config().image());
    }
    a.put("name", c.name());
    publish("container", action, c.id(), a);
  }

  /** Publishes an event of {@code type} about {@code actorId}. */
  public void publish(String type, String action, String actorId, Map<String, String> attributes) {
    Instant now = Instant.now();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    Map<String, String> attrs = new LinkedHashMap<>(attributes);
    boolean legacy = type.equals("container") || type.equals("image");
    EventMessage m = new EventMessage(legacy ? action : null, legacy ? actorId : null,
        type.equals("container") ? attrs.get("image") : null, type, action,
        new EventMessage.Actor(actorId, attrs), "local", now.getEpochSecond(), nanos);
    synchronized (kept) {
      if (kept.size() == KEPT) {
        kept.removeFirst();
      }
      kept.addLast(m);
      for (Sub s : subscribers) {
        if (s.filter.test(m) && !s.queue.offer(m)) {
          s.queue.poll();
          s.queue.offer(m);
        }
      }
    }
  }

  @Override
  public Subscription subscribe(Instant since, Instant until, Filters filters) {
    EventFilter filter = new EventFilter(filters);
    Sub sub = new Sub(filter);
    List<EventMessage> past = new ArrayList<>();
    synchronized (kept) {
      if (since != null || until != null) {
        for (EventMessage m : kept) {
          Instant t = Instant.ofEpochSecond(0, m.timeNano());
          if ((since == null || !t.isBefore(since)) && (until == null || !t.isAfter(until)) && filter.test(m)) {
            past.add(m);
          }
        }
      }
      subscribers.add(sub);
    }
    return new Subscription() {
      @Override
      public List<EventMessage> past() {
        return past;
      }

      @Override
      public EventMessage next(long millis) throws InterruptedException {
        return sub.queue.poll(millis, TimeUnit.MILLISECONDS);
      }

      @Override
      public void close() {
        subscribers.remove(sub);
      }
    };
  }

  private record Sub(EventFilter filter, BlockingQueue<EventMessage> queue) {
    Sub(EventFilter filter) {
      this(filter, new LinkedBlockingQueue<>(QUEUE));
    }
  }
}
