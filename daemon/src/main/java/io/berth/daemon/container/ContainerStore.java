package io.berth.daemon.container;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import io.berth.common.Id;
import io.berth.common.error.ConflictException;
import io.berth.common.error.EngineException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.io.AtomicFiles;
import io.berth.common.io.MoreFiles;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Containers by id, name and id prefix. Each is an {@link AtomicReference} to an immutable
 * snapshot, so readers never lock. On disk:
 *
 * <pre>
 * &lt;data-root&gt;/containers/&lt;id&gt;/container.json   the record, written atomically
 * &lt;data-root&gt;/containers/&lt;id&gt;/container.log    conmon's log (k8s-file)
 * &lt;data-root&gt;/containers/&lt;id&gt;/{hostname,hosts,resolv.conf}  bind-mounted into the container
 * </pre>
 */
public final class ContainerStore {
  private static final System.Logger LOG = System.getLogger("berth.store");
  private static final String RECORD = "container.json";
  private static final String REMOVED = "removed";
  private static final String LOG_FILE = "container.log";
  private final Path root;
  private final Map<String, AtomicReference<Container>> byId = new ConcurrentHashMap<>();
  private final Map<String, String> byName = new ConcurrentHashMap<>();

  public ContainerStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path d : dirs.toList()) {
          load(d);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One directory. A record that cannot be read never stops the daemon: the container is shown
   * as {@code dead}, with the reason as its error, and its files stay until it is removed.
   */
  private void load(Path d) throws IOException {
    String dirName = d.getFileName().toString();
    Path f = d.resolve(RECORD);
    if (!Id.isFullId(dirName)) {
      LOG.log(System.Logger.Level.WARNING, "ignoring " + d + ": not a container directory");
      return;
    }
    if (Files.exists(d.resolve(REMOVED)) || (!Files.exists(f) && !Files.exists(d.resolve(LOG_FILE)))) {
      // removed, or a create that never finished: nothing refers to it
      MoreFiles.deleteRecursively(d);
      return;
    }
    Container c;
    try {
      if (!Files.exists(f)) {
        throw new IOException("the record is missing");
      }
      c = Json.parse(Files.readAllBytes(f), ContainerRecord.class).toContainer(d);
    } catch (IOException | RuntimeException e) {
      String why = "cannot read " + f + ": " + e.getMessage();
      LOG.log(System.Logger.Level.WARNING, why + "; the container is shown as dead until it is removed");
      c = dead(d, dirName, why);
    }
    byId.put(c.id(), new AtomicReference<>(c));
    if (byName.putIfAbsent(c.name(), c.id()) != null) {
      LOG.log(System.Logger.Level.WARNING, "container " + c.id() + " has the name of another: shown as " + c.id());
      Container renamed = c.withName(c.id());
      byId.get(c.id()).set(renamed);
      byName.put(c.id(), c.id());
    }
  }

  private static Container dead(Path d, String id, String why) {
    Instant created;
    try {
      created = Files.getLastModifiedTime(d).toInstant();
    } catch (IOException e) {
      created = Instant.EPOCH;
    }
    return new Container(id, id, created, "", "", List.of(), ContainerConfig.empty(),
        HostConfig.empty(), new ContainerState.Dead(0, why), d);
  }

  public Path dirFor(String id) {
    return root.resolve(id);
  }

  /**
   * Takes {@code name} for {@code id} before the container exists, so that two creates never
   * both get it; false when another container has it. {@link #release} gives it back.
   */
  public boolean reserve(String name, String id) {
    String other = byName.putIfAbsent(name, id);
    return other == null || other.equals(id);
  }

  /** The id holding {@code name} (a container, or a create still under way). */
  public String nameHolder(String name) {
    return byName.get(name);
  }

  public void release(String name, String id) {
    byName.remove(name, id);
  }

  /** Stores the new container under its name (reserved or free); fails if the name is taken. */
  public void add(Container c) {
    if (!reserve(c.name(), c.id())) {
      throw nameInUse(c.name(), byName.get(c.name()));
    }
    byId.put(c.id(), new AtomicReference<>(c));
    try {
      persist(c);
    } catch (RuntimeException e) {
      byId.remove(c.id());
      byName.remove(c.name(), c.id());
      throw e;
    }
  }

  /**
   * Gives the container another name, taken atomically; the old one is free once the record
   * says the new one.
   */
  public Container rename(String id, String newName) {
    Container before = get(id);
    if (before == null) {
      throw EngineException.noSuch("container", id);
    }
    if (!reserve(newName, id)) {
      throw new ConflictException("Error when allocating new name: " + nameInUse(newName, byName.get(newName))
          .getMessage());
    }
    Container after;
    try {
      after = update(id, c -> c.withName(newName));
    } catch (RuntimeException e) {
      release(newName, id);
      throw e;
    }
    byName.remove(before.name(), id);
    return after;
  }

  public static ConflictException nameInUse(String name, String other) {
    return new ConflictException("Conflict. The container name \"/" + name
        + "\" is already in use by container \"" + other
        + "\". You have to remove (or rename) that container to be able to reuse that name.");
  }

  public Container update(String id, UnaryOperator<Container> change) {
    AtomicReference<Container> ref = byId.get(id);
    if (ref == null) {
      throw EngineException.noSuch("container", id);
    }
    Container c = ref.updateAndGet(change);
    persist(c);
    return c;
  }

  /** A change that is not persisted (a transient state such as Removing). */
  public Container set(String id, UnaryOperator<Container> change) {
    AtomicReference<Container> ref = byId.get(id);
    if (ref == null) {
      throw EngineException.noSuch("container", id);
    }
    return ref.updateAndGet(change);
  }

  public void remove(Container c) throws IOException {
    forget(c);
    MoreFiles.deleteRecursively(c.dir());
  }

  /**
   * Drops the record now and leaves the directory (its log may still be read) for the caller to
   * delete; a directory without a record is removed at the next start anyway.
   */
  public void forget(Container c) throws IOException {
    // the marker tells the next start that this directory is debris, not a broken record
    Path record = c.dir().resolve(RECORD);
    if (Files.exists(record)) {
      Files.move(record, c.dir().resolve(REMOVED), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.write(c.dir().resolve(REMOVED), new byte[0]);
    }
    byId.remove(c.id());
    byName.remove(c.name(), c.id());
  }

  public List<Container> all() {
    List<Container> out = new ArrayList<>();
    byId.values().forEach(r -> out.add(r.get()));
    return out;
  }

  public Container get(String id) {
    AtomicReference<Container> r = byId.get(id);
    return r == null ? null : r.get();
  }

  /** By full id, name (with or without '/'), or unique id prefix: Docker's order. */
  public Container find(String ref) {
    if (ref == null || ref.isEmpty()) {
      throw new InvalidParameterException("No such container: ");
    }
    AtomicReference<Container> r = byId.get(ref);
    if (r != null) {
      return r.get();
    }
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    String id = byName.get(name);
    if (id != null && byId.containsKey(id)) {
      return byId.get(id).get();
    }
    List<Container> matches = byId.values().stream().map(AtomicReference::get)
        .filter(c -> c.id().startsWith(ref)).toList();
    if (matches.size() == 1) {
      return matches.getFirst();
    }
    if (matches.size() > 1) {
      throw new InvalidParameterException("multiple IDs found with provided prefix: " + ref);
    }
    throw new NotFoundException("No such container: " + ref);
  }

  private void persist(Container c) {
    try {
      AtomicFiles.write(c.dir().resolve(RECORD), Json.bytes(ContainerRecord.of(c)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
