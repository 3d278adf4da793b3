package io.berth.daemon.query;

import io.berth.common.error.InvalidParameterException;
import io.berth.common.filter.Filters;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The filters of {@code GET /containers/json}. */
final class ContainerFilters {
  static final Set<String> KEYS = Set.of("status", "name", "id", "label", "ancestor", "exited",
      "before", "since", "network", "volume", "health", "isolation", "is-task", "publish", "expose");
  private static final List<String> STATUSES =
      List.of("created", "running", "paused", "restarting", "removing", "exited", "dead");
  private static final List<String> HEALTHS = List.of("none", "starting", "healthy", "unhealthy");

  private ContainerFilters() {}

  static void validate(Filters f) {
    f.validate(KEYS);
    for (String e : f.get("exited")) {
      if (!e.matches("-?[0-9]{1,9}")) {
        throw new InvalidParameterException("invalid filter 'exited=" + e + "': strconv.Atoi: parsing \""
            + e + "\": invalid syntax");
      }
    }
    for (String s : f.get("status")) {
      if (!STATUSES.contains(s)) {
        throw new InvalidParameterException("invalid filter 'status=" + s + "': invalid value for state ("
            + s + "): must be one of " + String.join(", ", STATUSES));
      }
    }
    f.bool("is-task");
    for (String h : f.get("health")) {
      if (!HEALTHS.contains(h)) {
        throw new InvalidParameterException("invalid filter 'health=" + h + "': invalid value for health ("
            + h + "): must be one of " + String.join(", ", HEALTHS));
      }
    }
  }

  /**
   * {@code before}/{@code since} name containers (resolved by the caller to creation times);
   * Berth has no health checks, published ports filter or swarm tasks, so those filters match
   * as Docker's would for containers without them. {@code volume} is a mount's destination, its
   * volume's name, or for a mount without a name its source.
   */
  static boolean matches(Container c, Filters f, Function<String, String> imageIdOf,
      Instant before, Instant since) {
    return any(f.get("status"), s -> c.state().status().equals(s))
        && any(f.get("name"), n -> nameMatches(n, c.name()))
        && any(f.get("id"), i -> c.id().startsWith(i))
        && all(f.get("label"), l -> Filters.labelMatches(c.config().labels(), l))
        && any(f.get("ancestor"), a -> ancestor(c, a, imageIdOf))
        && any(f.get("exited"), e -> c.state() instanceof ContainerState.Exited x
            && String.valueOf(x.exitCode()).equals(e))
        && any(f.get("network"), n -> n.equals(c.networkMode()))
        && any(f.get("health"), h -> h.equals("none"))
        && any(f.get("isolation"), i -> i.equals(nz(c.hostConfig().isolation())))
        && any(f.get("expose"), p -> exposes(c, p))
        && any(f.get("volume"), v -> c.mounts().stream().anyMatch(m -> v.equals(m.destination())
            || (m.name().isEmpty() ? v.equals(m.source()) : v.equals(m.name()))))
        && f.get("publish").isEmpty()
        && (f.get("is-task").isEmpty() || !f.bool("is-task"))
        && (before == null || c.created().isBefore(before))
        && (since == null || c.created().isAfter(since));
  }

  private static boolean exposes(Container c, String port) {
    var ports = c.config().exposedPorts();
    return ports != null && (ports.containsKey(port) || ports.containsKey(port + "/tcp"));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /**
   * Docker tries the pattern on "/name" and on "name", so both {@code ^/web$} and {@code ^web$}
   * select "web"; a pattern that is not a valid regex matches nothing rather than failing.
   */
  private static boolean nameMatches(String pattern, String name) {
    Pattern p;
    try {
      p = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return false;
    }
    return p.matcher("/" + name).find() || p.matcher(name).find();
  }

  private static boolean ancestor(Container c, String a, Function<String, String> imageIdOf) {
    if (a.equals(c.config().image()) || c.imageId().equals(a) || c.imageId().equals("sha256:" + a)
        || c.imageId().startsWith("sha256:" + a)) {
      return true;
    }
    String id = imageIdOf.apply(a);
    return id != null && id.equals(c.imageId());
  }

  private static boolean any(List<String> vals, java.util.function.Predicate<String> p) {
    return vals.isEmpty() || vals.stream().anyMatch(p);
  }

  private static boolean all(List<String> vals, java.util.function.Predicate<String> p) {
    return vals.stream().allMatch(p);
  }
}
