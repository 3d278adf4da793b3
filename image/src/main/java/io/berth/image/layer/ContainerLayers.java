package io.berth.image.layer;

import io.berth.common.Mount;
import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.common.io.AtomicFiles;
import io.berth.common.io.MoreFiles;
import io.berth.common.json.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.regex.Pattern;

/**
 * Container read-write layers, {@code <containers>/<id>/{diff,work,merged}} plus {@code rw.json}
 * naming the image and the read-only layers beneath. {@code rw.json} keeps those layers alive even
 * after a forced removal of the image, and lets the mounts be rebuilt after a restart.
 */
public final class ContainerLayers {
  static final String RW_JSON = "rw.json";
  private static final Pattern CONTAINER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
  private static final System.Logger LOG = System.getLogger(ContainerLayers.class.getName());

  private final Path containersDir;
  private final Path tmpDir;
  private final LayerStore layers;
  private final Images images;
  private final Lock lock;

  /** What {@code rw.json} records. {@code layers} are chain ids, bottom first. */
  record RwRecord(String imageId, List<String> layers) {}

  /** An image's full id and its chain ids, bottom first. */
  public record ImageLayers(String imageId, List<String> chainIds) {}

  /** The image store's side: lookups made while holding the shared lock. */
  public interface Images {
    /** The image's layers; throws NotFoundException for an unknown reference. */
    ImageLayers resolve(String imageRef);

    /** Chain ids of every layer some image stands on. */
    Set<String> chainIdsInUse();
  }

  /**
   * @param images the image store's lookups
   * @param lock the image store's lock, so that layers are not deleted under a new container
   */
  public ContainerLayers(
      Path containersDir, Path tmpDir, LayerStore layers, Images images, Lock lock)
      throws IOException {
    this.containersDir = containersDir;
    this.tmpDir = tmpDir;
    this.layers = layers;
    this.images = images;
    this.lock = lock;
    Files.createDirectories(containersDir);
  }

  /**
   * Creates the container's empty read-write layer over the image's layers. Calling it again for
   * the same container and image returns the existing layer.
   *
   * @throws NotFoundException when the image does not exist
   * @throws ConflictException when the container already has a layer over another image
   */
  public RwLayer prepareRw(String containerId, String imageRef) {
    checkId(containerId);
    lock.lock();
    try {
      ImageLayers img = images.resolve(imageRef);
      Optional<RwLayer> existing = rw(containerId);
      if (existing.isPresent()) {
        if (existing.get().imageId().equals(img.imageId())) {
          return existing.get();
        }
        throw new ConflictException("container " + containerId + " already has a root filesystem");
      }
      create(containerId, new RwRecord(img.imageId(), img.chainIds()));
      return rw(containerId).orElseThrow();
    } catch (IOException e) {
      throw new SystemException("cannot create container layer: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** What the container changed against its image ({@code docker diff}); empty without a layer. */
  public List<LayerChanges.Change> changes(String containerId) throws IOException {
    checkId(containerId);
    Path dir = containersDir.resolve(containerId);
    Optional<RwRecord> rec = read(dir);
    return rec.isEmpty() ? List.of() : LayerChanges.of(dir.resolve("diff"), lowerDirs(rec.get()));
  }

  /** The container's own layer (the overlay upper directory): what a commit makes an image layer of. */
  public Path diffDir(String containerId) {
    checkId(containerId);
    return containersDir.resolve(containerId).resolve("diff");
  }

  /** The image's layer directories under a container, top first, as overlay stacks them. */
  private List<Path> lowerDirs(RwRecord rec) {
    List<Path> out = new ArrayList<>();
    for (String chainId : rec.layers().reversed()) {
      out.add(layers.diffDir(chainId));
    }
    return out;
  }

  /** The container's layer as prepared earlier, or empty when it has none. */
  public Optional<RwLayer> rw(String containerId) {
    checkId(containerId);
    Path dir = containersDir.resolve(containerId);
    Optional<RwRecord> rec = read(dir);
    if (rec.isEmpty()) {
      return Optional.empty();
    }
    List<String> lower = new ArrayList<>();
    for (Path p : lowerDirs(rec.get())) {
      lower.add(p.toString());
    }
    if (lower.isEmpty()) {
      lower.add(dir.resolve("empty").toString());
    }
    List<String> options =
        List.of(
            "lowerdir=" + String.join(":", lower),
            "upperdir=" + dir.resolve("diff"),
            "workdir=" + dir.resolve("work"));
    Mount m = new Mount("overlay", "overlay", options);
    return Optional.of(
        new RwLayer(containerId, rec.get().imageId(), dir.resolve("merged"), List.of(m)));
  }

  /**
   * Deletes the container's layer, and the image layers beneath it that nothing else uses any more
   * (its image may have been removed while the container existed). The caller has unmounted it.
   *
   * @throws ConflictException when something is still mounted inside it
   */
  public void removeRw(String containerId) {
    checkId(containerId);
    lock.lock();
    try {
      Path dir = containersDir.resolve(containerId);
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      List<String> below = read(dir).map(RwRecord::layers).orElse(List.of());
      remove(dir);
      Set<String> inUse = new HashSet<>(images.chainIdsInUse());
      inUse.addAll(referencedChainIds());
      for (String chainId : below.reversed()) {
        if (!inUse.contains(chainId)) {
          layers.delete(chainId);
        }
      }
    } catch (IOException e) {
      throw new SystemException("cannot remove container layer: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** The containers that have a layer here. */
  public List<String> containerIds() {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(containersDir)) {
      List<String> out = new ArrayList<>();
      for (Path d : ds) {
        out.add(d.getFileName().toString());
      }
      return out;
    } catch (IOException e) {
      throw new SystemException("cannot list container layers: " + e.getMessage(), e);
    }
  }

  /** Chain ids that some container layer stands on; the caller holds the lock. */
  public Set<String> referencedChainIds() throws IOException {
    Set<String> out = new HashSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(containersDir)) {
      for (Path d : ds) {
        read(d).ifPresent(r -> out.addAll(r.layers()));
      }
    }
    return out;
  }

  /** Startup: a container directory without {@code rw.json} was never finished. */
  public void removeIncomplete() throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(containersDir)) {
      for (Path d : ds) {
        if (!Files.isRegularFile(d.resolve(RW_JSON), LinkOption.NOFOLLOW_LINKS)) {
          LOG.log(System.Logger.Level.INFO, "removing incomplete container layer " + d);
          remove(d);
        }
      }
    }
  }

  /** Built in tmp and renamed into place, so a container dir always has its rw.json. */
  private void create(String containerId, RwRecord rec) throws IOException {
    Path work = Files.createTempDirectory(tmpDir, "rw-");
    for (String sub : List.of("diff", "work", "merged", "empty")) {
      Path p = Files.createDirectory(work.resolve(sub));
      Files.setAttribute(p, "unix:mode", 0755);
    }
    AtomicFiles.write(work.resolve(RW_JSON), Json.bytes(rec));
    Files.setAttribute(work, "unix:mode", 0711);
    // no directory fsync: a layer lost to a power cut is made again at start
    Files.move(work, containersDir.resolve(containerId), StandardCopyOption.ATOMIC_MOVE);
  }

  private void remove(Path dir) throws IOException {
    List<Path> mounted = MountTable.under(dir);
    if (!mounted.isEmpty()) {
      throw new ConflictException(
          "container root filesystem is still mounted at " + mounted.getFirst());
    }
    Path trash = Files.createTempDirectory(tmpDir, "trash-");
    Files.move(dir, trash.resolve(dir.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    MoreFiles.deleteRecursively(trash);
  }

  private static Optional<RwRecord> read(Path dir) {
    Path json = dir.resolve(RW_JSON);
    if (!Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.parse(Files.readAllBytes(json), RwRecord.class));
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "unreadable " + json, e);
      return Optional.empty();
    }
  }

  private static void checkId(String containerId) {
    if (containerId == null || !CONTAINER_ID.matcher(containerId).matches()) {
      throw new InvalidParameterException("invalid container id: " + containerId);
    }
  }
}
