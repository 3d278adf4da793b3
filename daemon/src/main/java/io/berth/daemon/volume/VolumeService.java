package io.berth.daemon.volume;

import io.berth.api.model.volume.VolumeCreateRequest;
import io.berth.api.model.volume.VolumeInfo;
import io.berth.api.server.backend.VolumeBackend;
import io.berth.common.Id;
import io.berth.common.error.ConflictException;
import io.berth.common.error.EngineException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.common.filter.Filters;
import io.berth.volume.LocalMounts;
import io.berth.volume.Volume;
import io.berth.volume.VolumeStore;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Volumes of the local driver as dockerd's volume service has them: names checked by the driver,
 * a create of an existing name answered with the existing volume, anonymous volumes labelled,
 * and each volume's references (the containers, running or not, that mount it) keeping it from
 * removal and prune.
 */
public final class VolumeService implements VolumeBackend {
  private static final Set<String> LIST_FILTERS = Set.of("dangling", "driver", "label", "name");
  private static final Set<String> PRUNE_FILTERS = Set.of("all", "label", "label!");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Set<String> OPTIONS = Set.of("type", "o", "device", "size");

  private final VolumeStore store;
  /** Volume name → the ids of the containers that mount it. */
  private final Map<String, Set<String>> refs = new HashMap<>();
  private final AtomicBoolean pruning = new AtomicBoolean();
  private final LocalMounts mounts = new LocalMounts();

  public VolumeService(VolumeStore store) {
    this.store = store;
  }

  private io.berth.daemon.events.EventBus events = new io.berth.daemon.events.EventBus();

  /** Where volume events go (a bus of its own until told). */
  public void publishTo(io.berth.daemon.events.EventBus bus) {
    this.events = bus;
  }

  /**
   * The volume's data directory, mounted first if it was made with options (a tmpfs, a bind of a
   * host path) and this is its first user.
   */
  public Path mountFor(String name, String user) {
    Volume v = get(name);
    try {
      mounts.mount(v, user);
    } catch (LocalMounts.MountException e) {
      throw new SystemException(e.getMessage());
    }
    return v.mountpoint();
  }

  /** The user is done with the volume: its last user unmounts it. */
  public void unmountFor(String name, String user) {
    store.get(name).ifPresent(v -> mounts.unmount(v, user));
  }

  @Override
  public VolumeInfo volumeCreate(VolumeCreateRequest r) {
    String driver = r.driver() == null || r.driver().isEmpty() ? "local" : r.driver();
    return info(create(r.name(), driver, r.labels(), r.driverOpts(), null));
  }

  /**
   * A volume for a container: the named one, made if missing, or a new anonymous one when the
   * name is empty; referenced by {@code containerId} before anyone can remove it.
   */
  public Volume acquire(String name, Map<String, String> labels, Map<String, String> options, String containerId) {
    return create(name, "local", labels, options, containerId);
  }

  private Volume create(String name, String driver, Map<String, String> labels, Map<String, String> options,
      String reference) {
    Map<String, String> l = labels;
    if (name == null || name.isEmpty()) {
      name = Id.random();
      l = new LinkedHashMap<>(labels == null ? Map.of() : labels);
      l.put(Volume.ANONYMOUS_LABEL, "");
    }
    String op = "create " + name + ": ";
    synchronized (this) {
      var existing = store.get(name);
      if (existing.isPresent()) {
        if (!driver.equals(existing.get().driver())) {
          throw new ConflictException(op + "driver '" + existing.get().driver() + "' already has volume '" + name
              + "': volume name must be unique");
        }
        reference(name, reference);
        return existing.get();
      }
      if (!driver.equals("local")) {
        throw new NotFoundException(op + "error looking up volume plugin " + driver + ": plugin \"" + driver
            + "\" not found");
      }
      if (name.length() == 1) {
        throw new InvalidParameterException(op + "volume name is too short, names should be at least two"
            + " alphanumeric characters");
      }
      if (!NAME.matcher(name).matches()) {
        throw new InvalidParameterException(op + "\"" + name + "\" includes invalid characters for a local volume"
            + " name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory,"
            + " use absolute path");
      }
      checkOptions(op, options);
      Volume v = store.create(name, l, options);
      events.publish("volume", "create", name, Map.of("driver", v.driver()));
      reference(name, reference);
      return v;
    }
  }

  /** The local driver's checks, in its order; options it has but Berth does not mount yet are refused. */
  private static void checkOptions(String op, Map<String, String> o) {
    if (o == null || o.isEmpty()) {
      return;
    }
    for (String k : o.keySet()) {
      if (!OPTIONS.contains(k)) {
        throw new InvalidParameterException(op + "invalid option: \"" + k + "\"");
      }
    }
    if (o.containsKey("size")) {
      // a quota needs project quotas on the data root's file system, which Berth does not set up
      throw new InvalidParameterException(op + "quota size requested but no quota support");
    }
    if (o.containsKey("device") && !o.containsKey("type")) {
      throw new InvalidParameterException(op + "missing required option: \"type\"");
    }
    if (o.containsKey("type") && !o.containsKey("device")) {
      throw new InvalidParameterException(op + "missing required option: \"device\"");
    }
    if (o.containsKey("o") && !o.containsKey("device")) {
      throw new InvalidParameterException(op + "missing required option: \"device\"");
    }
  }

  private void reference(String name, String containerId) {
    if (containerId != null) {
      refs.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(containerId);
    }
  }

  /** A container that mounts these volumes exists (at start-up, from its record). */
  public synchronized void referenced(String containerId, List<String> volumes) {
    volumes.forEach(v -> reference(v, containerId));
  }

  /** The container is gone: its volumes are free of it. */
  public synchronized void release(String containerId) {
    refs.values().forEach(s -> s.remove(containerId));
    refs.values().removeIf(Set::isEmpty);
  }

  public Volume get(String name) {
    return store.get(name).orElseThrow(() -> new NotFoundException("get " + name + ": no such volume"));
  }

  @Override
  public List<VolumeInfo> volumeList(Filters filters) {
    filters.validate(LIST_FILTERS);
    Boolean dangling = filters.has("dangling") ? filters.bool("dangling") : null;
    List<VolumeInfo> out = new ArrayList<>();
    for (Volume v : store.list()) {
      if ((dangling == null || dangling != inUse(v.name()))
          && (!filters.has("driver") || filters.get("driver").contains(v.driver()))
          && (!filters.has("name") || filters.get("name").stream().anyMatch(n -> nameMatches(v.name(), n)))
          && filters.get("label").stream().allMatch(l -> Filters.labelMatches(v.labels(), l))) {
        out.add(info(v));
      }
    }
    return out;
  }

  /** dockerd's name filter: the name itself, or an unanchored regular expression found in it. */
  private static boolean nameMatches(String name, String filter) {
    if (name.equals(filter)) {
      return true;
    }
    try {
      return Pattern.compile(filter).matcher(name).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private synchronized boolean inUse(String name) {
    return refs.containsKey(name);
  }

  @Override
  public VolumeInfo volumeInspect(String name) {
    return info(get(name));
  }

  @Override
  public void volumeRemove(String name, boolean force) {
    synchronized (this) {
      if (store.get(name).isEmpty()) {
        if (force) {
          return;
        }
        throw new NotFoundException("get " + name + ": no such volume");
      }
      Set<String> users = refs.get(name);
      if (users != null) {
        throw new ConflictException("remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
      }
      removeUnused(store.get(name).orElseThrow());
    }
  }

  /**
   * Removes the volumes no container uses: local ones without driver options, anonymous ones only
   * unless {@code all} (below API 1.42 the router asks for all).
   */
  @Override
  public Map<String, Object> volumePrune(Filters filters, boolean allByDefault) {
    filters.validate(PRUNE_FILTERS);
    List<String> all = filters.get("all");
    if (all.size() > 1) {
      throw new InvalidParameterException("invalid filter 'all=" + all + "': only one value is expected");
    }
    boolean everything = allByDefault || (!all.isEmpty() && parseBool(all.getFirst()));
    if (!pruning.compareAndSet(false, true)) {
      throw new ConflictException("a prune operation is already running");
    }
    try {
      List<String> deleted = new ArrayList<>();
      long reclaimed = 0;
      for (Volume v : store.list()) {
        if (v.hasOptions() || !v.driver().equals("local") || (!everything && !v.anonymous())
            || !filters.get("label").stream().allMatch(l -> Filters.labelMatches(v.labels(), l))
            || filters.get("label!").stream().anyMatch(l -> Filters.labelMatches(v.labels(), l))) {
          continue;
        }
        synchronized (this) {
          if (inUse(v.name()) || store.get(v.name()).isEmpty()) {
            continue;
          }
          long size = store.size(v.name());
          try {
            removeUnused(v);
          } catch (EngineException e) {
            continue;
          }
          deleted.add(v.name());
          reclaimed += Math.max(0, size);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("VolumesDeleted", deleted);
      out.put("SpaceReclaimed", reclaimed);
      return out;
    } finally {
      pruning.set(false);
    }
  }

  /**
   * Removes a volume no container uses. A mount left on its data (a bind of a host path) goes
   * first, and if it would not, the volume stays: deleting through it would reach the host's files.
   */
  private void removeUnused(Volume v) {
    if (mounts.active(v.name())) {
      throw new SystemException("remove " + v.name() + ": volume has active mounts");
    }
    mounts.clear(v);
    if (v.hasOptions() && LocalMounts.isMountPoint(v.mountpoint())) {
      throw new SystemException("remove " + v.name() + ": volume has active mounts");
    }
    store.remove(v.name());
    events.publish("volume", "destroy", v.name(), Map.of("driver", v.driver()));
  }

  /** Go's strconv.ParseBool, with its message in dockerd's filter error. */
  private static boolean parseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw new InvalidParameterException("invalid filter 'all': strconv.ParseBool: parsing \"" + s
          + "\": invalid syntax");
    };
  }

  /** For system df: local volumes without driver options, with their sizes and reference counts. */
  public List<VolumeInfo> usage() {
    List<VolumeInfo> out = new ArrayList<>();
    for (Volume v : store.list()) {
      if (v.driver().equals("local") && !v.hasOptions()) {
        int count;
        synchronized (this) {
          count = refs.getOrDefault(v.name(), Set.of()).size();
        }
        long size;
        try {
          size = store.size(v.name());
        } catch (NotFoundException gone) {
          continue;
        }
        out.add(info(v).withUsage(new VolumeInfo.UsageData(size, count)));
      }
    }
    return out;
  }

  /** CreatedAt as dockerd gives it: RFC 3339 to the second, in the daemon's time zone. */
  static VolumeInfo info(Volume v) {
    String created = v.createdAt().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault())
        .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return new VolumeInfo(created, v.driver(), v.labels(), v.mountpoint().toString(), v.name(), v.options(),
        "local", null);
  }
}
