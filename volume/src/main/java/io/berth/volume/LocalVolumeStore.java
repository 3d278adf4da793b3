package io.berth.volume;

import io.berth.common.error.ConflictException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.common.io.AtomicFiles;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The local driver's store: {@code <root>/<name>/_data} holds a volume's data and
 * {@code <root>/<name>/volume.json} its metadata. A volume is made whole in a hidden directory and
 * renamed into place; a removed one is renamed out of sight before its data is deleted; what a
 * crash leaves hidden is cleared when the store opens.
 */
public final class LocalVolumeStore implements VolumeStore {
  static final String DATA = "_data";
  private static final String META = "volume.json";
  private static final String STAGING = ".tmp-";
  private static final String TRASH = ".trash-";

  /** The metadata file's shape. */
  record Meta(String name, String driver, String createdAt, Map<String, String> labels, Map<String, String> options) {}

  private final Path root;
  private final Map<String, Volume> volumes = new TreeMap<>();

  public LocalVolumeStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
      // other users may reach a volume's data through a container, never by walking the root
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx-----x"));
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
        for (Path e : entries) {
          String n = e.getFileName().toString();
          if (n.startsWith(STAGING) || n.startsWith(TRASH)) {
            Trees.delete(e);
          } else if (Files.isRegularFile(e.resolve(META))) {
            Meta m = Json.parse(Files.readAllBytes(e.resolve(META)), Meta.class);
            volumes.put(m.name(), volume(m));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Volume volume(Meta m) {
    return new Volume(m.name(), m.driver(), Instant.parse(m.createdAt()), m.labels(), m.options(),
        root.resolve(m.name()).resolve(DATA));
  }

  @Override
  public synchronized Volume create(String name, Map<String, String> labels, Map<String, String> options) {
    if (volumes.containsKey(name) || Files.exists(root.resolve(name))) {
      throw new ConflictException("volume " + name + " already exists");
    }
    Meta m = new Meta(name, "local", Instant.now().toString(), labels == null ? null : new TreeMap<>(labels),
        options == null ? null : new TreeMap<>(options));
    Path staging = root.resolve(STAGING + UUID.randomUUID());
    try {
      Files.createDirectories(staging.resolve(DATA));
      Files.setPosixFilePermissions(staging.resolve(DATA), PosixFilePermissions.fromString("rwxr-xr-x"));
      AtomicFiles.write(staging.resolve(META), Json.bytes(m));
      Files.move(staging, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Trees.delete(staging);
      } catch (IOException ignored) {
        // cleared when the store next opens
      }
      throw new SystemException("create " + name + ": " + e.getMessage(), e);
    }
    Volume v = volume(m);
    volumes.put(name, v);
    return v;
  }

  @Override
  public synchronized Optional<Volume> get(String name) {
    return Optional.ofNullable(volumes.get(name));
  }

  @Override
  public synchronized List<Volume> list() {
    return new ArrayList<>(volumes.values());
  }

  @Override
  public void remove(String name) {
    Path trash = root.resolve(TRASH + UUID.randomUUID());
    synchronized (this) {
      if (!volumes.containsKey(name)) {
        throw new NotFoundException("no such volume");
      }
      try {
        Files.move(root.resolve(name), trash, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new SystemException("remove " + name + ": " + e.getMessage(), e);
      }
      volumes.remove(name);
    }
    try {
      Trees.delete(trash);
    } catch (IOException e) {
      // out of sight already; the store clears it when it next opens
    }
  }

  @Override
  public long size(String name) {
    Volume v = get(name).orElseThrow(() -> new NotFoundException("no such volume"));
    try {
      return Trees.size(v.mountpoint());
    } catch (IOException e) {
      return -1;
    }
  }
}
