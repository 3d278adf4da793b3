package io.berth.daemon.volume;

import io.berth.api.model.container.MountSpec;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.SystemException;
import io.berth.daemon.container.MountPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A create request's mounts read as dockerd reads them: {@code Binds} ({@code -v}) by its
 * linux parser, {@code Mounts} ({@code --mount}) by its validation, {@code Tmpfs} destinations,
 * and the anonymous volumes of {@code Config.Volumes}; with dockerd's words for what is wrong
 * (500 for a bad {@code -v}, as dockerd answers, 400 for the rest).
 */
public final class MountRequests {
  private static final Set<String> RW = Set.of("rw", "ro");
  private static final Set<String> LABEL = Set.of("z", "Z");
  static final Set<String> PROPAGATION = Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");
  private static final Set<String> COPY = Set.of("nocopy");
  private static final Set<String> CONSISTENCY = Set.of("consistent", "cached", "delegated");

  /**
   * A mount as the request asks for it; for a volume, what a new one is made with.
   *
   * @param copyData the volume is filled from the image when it is empty
   * @param fromConfig an anonymous volume of {@code Config.Volumes} (or the image's VOLUME)
   */
  public record Planned(MountPoint point, Map<String, String> labels, Map<String, String> options,
      boolean copyData, boolean fromConfig) {}

  private final Path dataRoot;

  /** @param dataRoot the daemon's data root: binds of it, or of a path above it, propagate as dockerd's do */
  public MountRequests(Path dataRoot) {
    this.dataRoot = dataRoot;
  }

  /**
   * The mounts asked for, after those copied from {@code --volumes-from} ({@code inherited},
   * which later ones of the same destination replace).
   */
  public List<Planned> plan(List<MountPoint> inherited, List<String> binds, List<MountSpec> mounts,
      Map<String, String> tmpfs, Map<String, Object> configVolumes, String volumeDriver) {
    Map<String, Planned> byDest = new java.util.LinkedHashMap<>();
    inherited.forEach(m -> byDest.put(m.destination(), new Planned(m, null, null, false, false)));
    Set<String> taken = new java.util.HashSet<>();
    Map<String, String> tmpfsDests = tmpfs == null ? Map.of() : tmpfs;
    for (String dest : tmpfsDests.keySet()) {
      checkTmpfsDestination(dest);
    }
    for (String raw : binds == null ? List.<String>of() : binds) {
      Planned p = bind(raw, volumeDriver);
      String dest = p.point().destination();
      if (taken.contains(dest) || tmpfsDests.containsKey(dest)) {
        throw new InvalidParameterException("Duplicate mount point: " + dest);
      }
      taken.add(dest);
      byDest.put(dest, p);
    }
    for (MountSpec m : mounts == null ? List.<MountSpec>of() : mounts) {
      Planned p = mount(m);
      String dest = p.point().destination();
      if (taken.contains(dest)) {
        throw new InvalidParameterException("Duplicate mount point: " + m.target());
      }
      taken.add(dest);
      byDest.put(dest, p);
    }
    for (String key : configVolumes == null ? Set.<String>of() : configVolumes.keySet()) {
      String dest = clean(key);
      if (byDest.containsKey(dest) || tmpfsDests.containsKey(key)) {
        continue;
      }
      // these anonymous volumes are the container-wide driver's, as in dockerd: only local is
      checkDriver(volumeDriver);
      byDest.put(dest, new Planned(new MountPoint("volume", "", "", dest, "local", "", true, "", true, false, false, ""),
          null, null, true, true));
    }
    return new ArrayList<>(byDest.values());
  }

  /** {@code --volumes-from container[:mode]}: the container's reference and whether it is read-only. */
  public record From(String container, boolean readOnly) {}

  public static From volumesFrom(String spec) {
    if (spec == null || spec.isEmpty()) {
      throw new InvalidParameterException("volumes-from specification cannot be an empty string");
    }
    int colon = spec.indexOf(':');
    String mode = colon < 0 ? "" : spec.substring(colon + 1);
    if (mode.isEmpty()) {
      mode = "rw";
    }
    if (!validMode(mode) || tokens(mode).stream().anyMatch(t -> PROPAGATION.contains(t) || COPY.contains(t))) {
      throw new InvalidParameterException("invalid mode: " + mode);
    }
    return new From(colon < 0 ? spec : spec.substring(0, colon), tokens(mode).contains("ro"));
  }

  static void checkTmpfsDestination(String dest) {
    if (clean(dest).equals("/")) {
      throw new InvalidParameterException("invalid specification: destination can't be '/'");
    }
    if (!dest.startsWith("/")) {
      throw new InvalidParameterException("invalid mount path: '" + dest + "' mount path must be absolute");
    }
  }

  /** One {@code -v} entry: {@code [source:]destination[:mode]}, a volume unless the source is absolute. */
  Planned bind(String raw, String volumeDriver) {
    String[] arr = raw.split(":", 4);
    if (arr[0].isEmpty()) {
      throw badSpec(raw);
    }
    String source;
    String dest;
    String mode = "";
    switch (arr.length) {
      case 1 -> {
        source = "";
        dest = arr[0];
      }
      case 2 -> {
        if (validMode(arr[1])) {
          throw badSpec(raw);
        }
        source = arr[0];
        dest = arr[1];
      }
      case 3 -> {
        source = arr[0];
        dest = arr[1];
        mode = arr[2];
        if (!validMode(mode)) {
          throw new SystemException("invalid mode: " + mode);
        }
      }
      default -> throw badSpec(raw);
    }
    List<String> tokens = mode.isEmpty() ? List.of() : tokens(mode);
    boolean ro = tokens.contains("ro");
    boolean nocopy = tokens.contains("nocopy");
    String propagation = tokens.stream().filter(PROPAGATION::contains).findFirst().orElse("");
    boolean isBind = source.startsWith("/");
    String type = isBind ? "bind" : "volume";
    try {
      checkDestination(type, dest);
      if (isBind && nocopy) {
        throw new InvalidParameterException(config(type, "field VolumeOptions must not be specified"));
      }
      if (!isBind && !propagation.isEmpty()) {
        throw new InvalidParameterException(config(type, "field BindOptions must not be specified"));
      }
    } catch (InvalidParameterException e) {
      throw new SystemException("invalid volume specification: '" + raw + "': " + e.getMessage());
    }
    if (isBind) {
      String src = clean(source);
      return new Planned(new MountPoint("bind", "", src, clean(dest), "", mode, !ro, daemonRootPropagation(src,
          propagation), false, true, false, ""), null, null, false, false);
    }
    checkDriver(volumeDriver);
    return new Planned(new MountPoint("volume", source, "", clean(dest), "local", mode.isEmpty() ? "z" : mode, !ro, "",
        source.isEmpty(), false, false, ""), null, null, !nocopy, false);
  }

  private static void checkDriver(String driver) {
    if (driver != null && !driver.isEmpty() && !driver.equals("local")) {
      throw new io.berth.common.error.NotFoundException("error looking up volume plugin " + driver + ": plugin \""
          + driver + "\" not found");
    }
  }

  /** One {@code --mount}, checked as dockerd checks it. */
  Planned mount(MountSpec m) {
    String type = m.type() == null ? "" : m.type();
    // the API's own checks (API 1.42 on): options of another type
    if (m.volumeOptions() != null && !type.equals("volume")) {
      throw new InvalidParameterException("VolumeOptions must not be specified on mount type \"" + type + "\"");
    }
    if (m.bindOptions() != null && !type.equals("bind")) {
      throw new InvalidParameterException("BindOptions must not be specified on mount type \"" + type + "\"");
    }
    if (m.tmpfsOptions() != null && !type.equals("tmpfs")) {
      throw new InvalidParameterException("TmpfsOptions must not be specified on mount type \"" + type + "\"");
    }
    if (!Set.of("bind", "volume", "tmpfs").contains(type)) {
      if (type.equals("image")) {
        throw new InvalidParameterException("berth does not support --mount type=image yet");
      }
      throw new InvalidParameterException(config(type, "mount type unknown"));
    }
    String target = m.target() == null ? "" : m.target();
    if (target.isEmpty()) {
      throw new InvalidParameterException(config(type, "field Target must not be empty"));
    }
    checkDestination(type, target);
    if (m.imageOptions() != null) {
      throw new InvalidParameterException(config(type, "field ImageOptions must not be specified"));
    }
    String source = m.source() == null ? "" : m.source();
    boolean ro = m.isReadOnly();
    return switch (type) {
      case "bind" -> {
        var b = m.bindOptions();
        String propagation = b == null || b.propagation() == null ? "" : b.propagation();
        if (source.isEmpty()) {
          throw new InvalidParameterException(config(type, "field Source must not be empty"));
        }
        if (!propagation.isEmpty() && !PROPAGATION.contains(propagation)) {
          throw new InvalidParameterException(config(type, "invalid propagation mode: " + propagation));
        }
        if (!source.startsWith("/")) {
          throw new InvalidParameterException(config(type, "invalid mount path: '" + source
              + "' mount path must be absolute"));
        }
        boolean create = b != null && Boolean.TRUE.equals(b.createMountpoint());
        if (b != null && Boolean.TRUE.equals(b.readOnlyForceRecursive())) {
          throw new InvalidParameterException("berth does not support recursively read-only binds"
              + " (bind-recursive=readonly) yet");
        }
        if (!create) {
          checkBindSource(source);
        }
        String src = clean(source);
        yield new Planned(new MountPoint("bind", "", src, clean(target), "", "", !ro,
            daemonRootPropagation(src, propagation), false, create,
            b != null && Boolean.TRUE.equals(b.nonRecursive()), ""), null, null, false, false);
      }
      case "volume" -> {
        var v = m.volumeOptions();
        if (v != null && v.subpath() != null && !v.subpath().isEmpty()) {
          throw new InvalidParameterException("berth does not support volume-subpath yet");
        }
        if (source.isEmpty() && ro) {
          throw new InvalidParameterException(config(type, "must not set ReadOnly mode when using anonymous volumes"));
        }
        var driver = v == null || v.driverConfig() == null ? null : v.driverConfig();
        checkDriver(driver == null ? null : driver.name());
        yield new Planned(new MountPoint("volume", source, "", clean(target), "local", "z", !ro, "", source.isEmpty(),
            false, false, ""), v == null ? null : v.labels(), driver == null ? null : driver.options(),
            v == null || !Boolean.TRUE.equals(v.noCopy()), false);
      }
      default -> {
        if (!source.isEmpty()) {
          throw new InvalidParameterException(config(type, "field Source must not be specified"));
        }
        yield new Planned(new MountPoint("tmpfs", "", "", clean(target), "", "", !ro, "", false, false, false,
            tmpfsData(ro, m.tmpfsOptions())), null, null, false, false);
      }
    };
  }

  /** The existence check of a {@code --mount} bind, at create and again at each start. */
  public static void checkBindSource(String source) {
    if (!Files.exists(Path.of(source))) {
      throw new InvalidParameterException(config("bind", "bind source path does not exist: " + source));
    }
  }

  /** dockerd's ConvertTmpfsOptions: ro, the mode in octal, the size in its largest exact unit, exec. */
  static String tmpfsData(boolean ro, MountSpec.TmpfsOptions t) {
    List<String> out = new ArrayList<>();
    if (ro) {
      out.add("ro");
    }
    if (t != null && t.mode() != null && t.mode() != 0) {
      out.add("mode=" + Integer.toOctalString(t.mode()));
    }
    if (t != null && t.sizeBytes() != null && t.sizeBytes() != 0) {
      long n = t.sizeBytes();
      String suffix = "";
      for (String[] u : new String[][] {{"g", "1073741824"}, {"m", "1048576"}, {"k", "1024"}}) {
        long unit = Long.parseLong(u[1]);
        if (n % unit == 0) {
          n /= unit;
          suffix = u[0];
          break;
        }
      }
      out.add("size=" + n + suffix);
    }
    if (t != null && t.options() != null) {
      for (List<String> o : t.options()) {
        if (o == null || o.size() != 1) {
          throw new InvalidParameterException(config("tmpfs", "invalid option array length"));
        }
        if (!o.getFirst().equals("exec") && !o.getFirst().equals("noexec")) {
          throw new InvalidParameterException(config("tmpfs", "invalid option: " + o.getFirst()));
        }
        out.add(o.getFirst());
      }
    }
    return String.join(",", out);
  }

  /**
   * dockerd's rule for binds of its own data root or of a path above it: their mounts must
   * reach the container (rslave) unless asked to be shared.
   */
  private String daemonRootPropagation(String source, String asked) {
    String root = dataRoot.toString();
    if (!inDaemonRoot(source)) {
      return asked.isEmpty() ? "rprivate" : asked;
    }
    if (asked.isEmpty()) {
      return "rslave";
    }
    if (!asked.equals("rslave") && !asked.equals("rshared")) {
      throw new InvalidParameterException("invalid mount config: must use either propagation mode \"rslave\" or"
          + " \"rshared\" when mount source is within the daemon root, daemon root: \"" + root
          + "\", bind mount source: \"" + source + "\", propagation: \"" + asked + "\"");
    }
    return asked;
  }

  /** The source is in the daemon's data root, or above it (dockerd compares the strings). */
  boolean inDaemonRoot(String source) {
    String root = dataRoot.toString();
    return source.startsWith(root) || root.startsWith(source);
  }

  private static void checkDestination(String type, String dest) {
    if (clean(dest).equals("/")) {
      throw new InvalidParameterException(config(type, "invalid specification: destination can't be '/'"));
    }
    if (!dest.startsWith("/")) {
      throw new InvalidParameterException(config(type, "invalid mount path: '" + dest + "' mount path must be absolute"));
    }
  }

  private static String config(String type, String inner) {
    return "invalid mount config for type \"" + type + "\": " + inner;
  }

  private static SystemException badSpec(String raw) {
    return new SystemException("invalid volume specification: '" + raw + "'");
  }

  private static List<String> tokens(String mode) {
    return List.of(mode.split(",", -1));
  }

  /** At most one word of each kind: rw or ro, z or Z, a propagation, nocopy, a consistency. */
  static boolean validMode(String mode) {
    Map<Set<String>, Boolean> seen = new HashMap<>();
    for (String t : tokens(mode)) {
      Set<String> kind = null;
      for (Set<String> k : List.of(RW, LABEL, PROPAGATION, COPY, CONSISTENCY)) {
        if (k.contains(t)) {
          kind = k;
        }
      }
      if (kind == null || seen.put(kind, true) != null) {
        return false;
      }
    }
    return true;
  }

  /** Go's path.Clean for absolute and relative slash paths. */
  public static String clean(String p) {
    return io.berth.common.io.GoPaths.clean(p);
  }

}
