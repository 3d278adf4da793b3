package io.berth.daemon.lifecycle;

import io.berth.common.error.InvalidParameterException;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.events.EventBus;
import java.util.List;

/** {@code docker rename}: a new name taken atomically, and the legacy links that name it. */
final class Renamer {
  private final Runner runner;
  private final ContainerStore store;
  private final EventBus events;

  Renamer(Runner runner, ContainerStore store, EventBus events) {
    this.runner = runner;
    this.store = store;
    this.events = events;
  }

  /**
   * {@code docker rename}, under the container's lock. Legacy links follow the new name: the
   * container's own, and those of containers that link to it.
   */
  void rename(String ref, String newName) {
    if (ref.isEmpty() || newName.isEmpty()) {
      throw new InvalidParameterException("Neither old nor new names may be empty");
    }
    String name = newName.replaceFirst("^/", "");
    runner.locked(ref, c -> {
      if (c.name().equals(name)) {
        throw new InvalidParameterException("Renaming a container with the same name as its current name");
      }
      if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
        throw new InvalidParameterException("Invalid container name (" + name
            + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
      }
      if (c.state().running() && (runner.networks().isUserDefined(c.networkMode()) || !c.connected().isEmpty())) {
        // its name is a DNS name there, which netavark set at start
        throw new InvalidParameterException("berth does not support renaming a running container on a"
            + " user-defined network yet");
      }
      String old = c.name();
      Container renamed = store.rename(c.id(), name);
      store.update(c.id(), x -> x.withHostConfig(x.hostConfig().withLinks(relink(x.hostConfig().links(), old, name))));
      for (Container other : store.all()) {
        List<String> links = other.hostConfig().links();
        if (!other.id().equals(c.id()) && links != null && links.stream().anyMatch(l -> l.startsWith("/" + old + ":"))) {
          store.update(other.id(), x -> x.withHostConfig(x.hostConfig().withLinks(relink(links, old, name))));
        }
      }
      events.container(renamed, "rename", java.util.Map.of("oldName", "/" + old));
    });
  }

  /** Stored links ({@code /child:/parent/alias}) with {@code old} renamed, as child or as parent. */
  private static List<String> relink(List<String> links, String old, String name) {
    if (links == null) {
      return null;
    }
    return links.stream().map(l -> {
      String out = l.startsWith("/" + old + ":") ? "/" + name + l.substring(old.length() + 1) : l;
      int colon = out.indexOf(':');
      return colon >= 0 && out.startsWith("/" + old + "/", colon + 1)
          ? out.substring(0, colon + 1) + "/" + name + out.substring(colon + 1 + old.length() + 1) : out;
    }).toList();
  }

}
