package io.berth.daemon.container;

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

  private void load(Path d) throws IOException {
    Path f = d.resolve("container.json");
    if (!Files.exists(f)) {
      // a create that never finished: nothing refers to it
      MoreFiles.deleteRecursively(d);
      return;
    }
    Container c = Json.parse(Files.readAllBytes(f), ContainerRecord.class).toContainer(d);
    byId.put(c.id(), new AtomicReference<>(c));
    byName.put(c.name(), c.id());
  }

  public Path dirFor(String id) {
    return root.resolve(id);
  }

  /** Reserves the name and stores the new container; fails if the name is taken. */
  public void add(Container c) {
    String other = byName.putIfAbsent(c.name(), c.id());
    if (other != null) {
      throw new ConflictException("Conflict. The container name \"/" + c.name()
          + "\" is already in use by container \"" + other
          + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
    byId.put(c.id(), new AtomicReference<>(c));
    try {
      persist(c);
    } catch (RuntimeException e) {
      byId.remove(c.id());
      byName.remove(c.name());
      throw e;
    }
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
    Files.deleteIfExists(c.dir().resolve("container.json"));
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
      AtomicFiles.write(c.dir().resolve("container.json"), Json.bytes(ContainerRecord.of(c)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
