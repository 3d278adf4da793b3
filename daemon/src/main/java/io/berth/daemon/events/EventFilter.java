package io.berth.daemon.events;

import io.berth.api.model.system.EventMessage;
import io.berth.common.filter.Filters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** dockerd's event filters: type and event exactly, names and ids by prefix, labels by key or key=value. */
final class EventFilter implements Predicate<EventMessage> {
  private static final Set<String> FUZZY_EVENTS = Set.of("health_status", "exec_create", "exec_start");
  private static final List<String> NAMED = List.of("daemon", "container", "plugin", "volume", "network", "service",
      "node", "secret", "config");

  private final Filters f;

  EventFilter(Filters f) {
    this.f = f;
  }

  @Override
  public boolean test(EventMessage m) {
    Map<String, String> attrs = m.actor().attributes();
    return event(m.action())
        && exact("type", m.type())
        && exact("scope", m.scope())
        && NAMED.stream().allMatch(k -> fuzzy(k, m.actor().id()) || fuzzy(k, attrs.get("name")))
        && image(m)
        && f.get("label").stream().allMatch(l -> Filters.labelMatches(attrs, l));
  }

  private boolean event(String action) {
    List<String> want = f.get("event");
    if (want.isEmpty()) {
      return true;
    }
    if (want.stream().anyMatch(FUZZY_EVENTS::contains)) {
      return want.stream().anyMatch(w -> action.equals(w) || action.startsWith(w));
    }
    return want.contains(action);
  }

  private boolean exact(String key, String value) {
    List<String> want = f.get(key);
    return want.isEmpty() || want.contains(value);
  }

  private boolean fuzzy(String key, String value) {
    List<String> want = f.get(key);
    return want.isEmpty() || (value != null && want.stream().anyMatch(w -> value.equals(w) || value.startsWith(w)));
  }

  /** An image by id, or by the name the event carries, with or without its :latest tag. */
  private boolean image(EventMessage m) {
    List<String> want = f.get("image");
    if (want.isEmpty()) {
      return true;
    }
    String name = m.type().equals("image") ? m.actor().attributes().get("name") : m.actor().attributes().get("image");
    return want.stream().anyMatch(w -> w.equals(m.actor().id()) || strip(w).equals(strip(name))
        || (m.type().equals("image") && m.actor().id() != null && strip(m.actor().id()).equals(strip(w))));
  }

  private static String strip(String ref) {
    if (ref == null) {
      return "";
    }
    return ref.endsWith(":latest") ? ref.substring(0, ref.length() - ":latest".length()) : ref;
  }
}
