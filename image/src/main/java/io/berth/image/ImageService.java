package io.berth.image;

import io.berth.common.Id;
import io.berth.common.error.EngineException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.common.json.Json;
import io.berth.image.ImageStore.Stored;
import io.berth.image.bootstrap.Bootstrap;
import io.berth.image.config.ConfigChanges;
import io.berth.image.config.ImageConfig;
import io.berth.image.content.ContentStore;
import io.berth.image.content.FileContentStore;
import io.berth.image.distribution.DistributionMetadata;
import io.berth.image.pull.Puller;
import io.berth.image.push.Pusher;
import io.berth.registry.RegistryClient;
import io.berth.image.layer.ContainerLayers;
import io.berth.image.layer.LayerInfo;
import io.berth.image.layer.LayerLimits;
import io.berth.image.layer.LayerStore;
import io.berth.image.reference.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The image store: import, inspect, list, tag, remove and bootstrap images, and the container
 * layers built on them ({@link #layers()}). Thread-safe: one lock guards the store's state, and the
 * slow part of an import, unpacking the tar, runs outside it.
 */
public final class ImageService {
  static final String IMPORT_COMMENT = "Imported from -";
  private static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  final ImagePaths paths;
  final ReentrantLock lock = new ReentrantLock();
  final LayerStore layerStore;
  final ImageStore images;
  final ReferenceStore refs;
  final ContainerLayers containers;
  private final ImageRemover remover;
  private final Bootstrap bootstrap;
  private final ImageTransfers transfers = new ImageTransfers(this);
  final FileContentStore content;
  final DistributionMetadata metadata;

  /** Opens (creating if needed) the store at {@code root} and recovers from any crash. */
  public ImageService(Path root) {
    this(root, new Bootstrap());
  }

  /** As {@link #ImageService(Path)}, with the given source of bootstrap root filesystems. */
  public ImageService(Path root, Bootstrap bootstrap) {
    this(root, bootstrap, LayerLimits.DEFAULT);
  }

  /** As {@link #ImageService(Path, Bootstrap)}, with how far a layer may unpack. */
  public ImageService(Path root, Bootstrap bootstrap, LayerLimits limits) {
    this.paths = new ImagePaths(root);
    this.bootstrap = bootstrap;
    try {
      Recovery.clearTmp(paths.tmp());
      content = new FileContentStore(paths.blobRoot(), paths.tmp());
      metadata = new DistributionMetadata(paths.distribution());
      layerStore = new LayerStore(paths.layers(), paths.tmp(), this::layerGone, limits);
      images = new ImageStore(paths, layerStore, content);
      refs = new ReferenceStore(paths.repositories());
      containers =
          new ContainerLayers(
              paths.containers(), paths.tmp(), layerStore, new ImageLookups(), lock);
      remover = new ImageRemover(images, refs, layerStore, containers);
      Recovery.run(layerStore, images, refs, containers);
    } catch (IOException e) {
      throw new SystemException("cannot open image store " + paths.root() + ": " + e, e);
    }
  }

  public ImagePaths paths() {
    return paths;
  }

  /**
   * A puller into this store.
   *
   * @param maxConcurrentDownloads layers downloaded at once (dockerd's {@code
   *     --max-concurrent-downloads})
   */
  public Puller puller(RegistryClient registry, int maxConcurrentDownloads) {
    return new Puller(registry, content, metadata, transfers.new Target(), maxConcurrentDownloads);
  }

  /**
   * A pusher from this store.
   *
   * @param maxConcurrentUploads layers sent at once (dockerd's {@code --max-concurrent-uploads})
   */
  public Pusher pusher(RegistryClient registry, int maxConcurrentUploads) {
    return new Pusher(registry, content, metadata, transfers.new PushSource(), maxConcurrentUploads);
  }

  /** What a commit writes into the new image besides its layer. */
  public record Commit(ImageConfig config, Object containerConfig, String createdBy, String comment,
      String author, String repoTag) {}

  /**
   * Makes an image of a container's layer over its image, as {@code docker commit}: the parent's
   * config with the new run configuration, a history entry ({@code empty_layer} when the container
   * changed nothing) and the layer's diffID; its tar is kept for push and save.
   *
   * @return the new image's id
   */
  public String commit(String containerId, String parentImageId, Commit c) {
    return new ImageCommits(this).commit(containerId, parentImageId, c);
  }

  /**
   * Finds the images of {@code docker save}: a name with a tag (or a digest), a bare name for
   * every tag of that repository, an id for the image without names; the job writes the tarball.
   *
   * @throws NotFoundException for a name that is no image, before anything is written
   */
  public SaveJob save(List<String> names) {
    return transfers.save(names);
  }

  /** A save whose images are found: writing it needs no lock. */
  @FunctionalInterface
  public interface SaveJob {
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /**
   * Loads {@code docker save} tarballs (Docker 25+ and older), or OCI layouts, plain or
   * compressed; {@code out} receives {@code Loaded image: busybox:latest} lines, {@code progress}
   * a {@code Loading layer} count for each layer unpacked.
   */
  public void load(InputStream archive, Consumer<String> out, io.berth.image.pull.Progress progress) {
    transfers.load(archive, out, progress);
  }

  /** Container root filesystems over this store's images. */
  public ContainerLayers layers() {
    return containers;
  }

  /**
   * Creates a one-layer image from a tar stream (plain, gzip, bzip2, xz or zstd), as {@code docker
   * import} does. The stream is read to its end but not closed.
   *
   * @throws InvalidParameterException for an invalid tag, change or tar entry
   */
  public ImageRecord importImage(InputStream tar, ImportOptions options) {
    ImportOptions opts = options == null ? ImportOptions.defaults() : options;
    Reference tag = opts.repoTag() == null ? null : Reference.parseRepoTag(opts.repoTag(), null);
    ImageConfig config = ConfigChanges.apply(ImageConfig.empty(), opts.changes());
    LayerStore.Pending pending = extractKeepingTar(tar);
    lock.lock();
    try {
      LayerInfo layer = layerStore.commit(pending, null);
      Instant created = opts.created() == null ? Instant.now() : opts.created();
      String message =
          opts.message() == null || opts.message().isEmpty() ? IMPORT_COMMENT : opts.message();
      Stored img = images.add(Json.bytes(importConfig(config, layer, created, message)));
      if (tag != null) {
        refs.put(tag.familiarString(), img.id());
      }
      return toRecord(img);
    } catch (IOException e) {
      throw new SystemException("cannot store imported image: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Unpacks a layer and keeps its uncompressed tar as a blob named by its diffID, the bytes a push
   * compresses and a save writes: an unpacked directory cannot give back the same tar.
   */
  private LayerStore.Pending extractKeepingTar(InputStream tar) {
    try (ContentStore.Writer w = content.writer(null, -1)) {
      LayerStore.Pending pending = layerStore.extract(tar, w.stream());
      try {
        w.commit();
      } catch (IOException e) {
        layerStore.discard(pending.workDir());
        throw e;
      }
      return pending;
    } catch (IOException e) {
      throw new SystemException("cannot keep layer tar: " + e.getMessage(), e);
    }
  }

  private static ConfigDocument importConfig(
      ImageConfig config, LayerInfo layer, Instant created, String message) {
    String time = created.toString();
    return new ConfigDocument(
        Platform.architecture(),
        "linux",
        time,
        null,
        message,
        config,
        new ConfigDocument.RootFs("layers", List.of(layer.diffId())),
        List.of(new ConfigDocument.History(time, null, message, null)));
  }

  /**
   * Finds an image by name ({@code busybox}, {@code busybox:1}, {@code docker.io/library/x}), by
   * full id with or without {@code sha256:}, or by a unique id prefix.
   *
   * @throws NotFoundException {@code No such image: busybox:latest}
   * @throws InvalidParameterException when {@code ref} is neither an id nor a valid name
   */
  public ImageRecord inspect(String ref) {
    lock.lock();
    try {
      return toRecord(resolve(ref));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The image's history as Docker lists it: newest step first, each step that added a layer with
   * that layer's size.
   */
  public List<HistoryEntry> history(String ref) {
    lock.lock();
    try {
      Stored img = resolve(ref);
      List<ConfigDocument.History> steps = img.doc().history() == null ? List.of() : img.doc().history();
      List<HistoryEntry> out = new ArrayList<>();
      int layer = 0;
      for (ConfigDocument.History h : steps) {
        long size = 0;
        if (!Boolean.TRUE.equals(h.emptyLayer())) {
          if (layer >= img.chainIds().size()) {
            throw new SystemException("too many non-empty layers in History section");
          }
          size = layerStore.get(img.chainIds().get(layer)).map(LayerInfo::size).orElse(0L);
          layer++;
        }
        out.addFirst(new HistoryEntry(ImageStore.created(h.created()), nz(h.createdBy()), nz(h.comment()), size));
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Bytes held by unpacked layers: what a prune reclaims is the difference. */
  public long layersSize() {
    lock.lock();
    try {
      long total = 0;
      for (String chainId : layerStore.list()) {
        total += layerStore.get(chainId).map(LayerInfo::size).orElse(0L);
      }
      return total;
    } catch (IOException e) {
      throw new SystemException("cannot list layers: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Per image id, the bytes of its layers that another image holds too: dockerd's
   * {@code SharedSize}, which {@code system df} subtracts from what a prune would reclaim.
   */
  public Map<String, Long> sharedSizes() {
    lock.lock();
    try {
      Map<String, Integer> users = new HashMap<>();
      images.all().forEach(s -> s.chainIds().forEach(c -> users.merge(c, 1, Integer::sum)));
      Map<String, Long> sizes = new HashMap<>();
      Map<String, Long> out = new HashMap<>();
      for (Stored s : images.all()) {
        long shared = 0;
        for (String chainId : s.chainIds()) {
          if (users.get(chainId) > 1) {
            shared += sizes.computeIfAbsent(chainId, this::layerSize);
          }
        }
        out.put(s.id(), shared);
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  private long layerSize(String chainId) {
    return layerStore.get(chainId).map(LayerInfo::size).orElse(0L);
  }

  /** All images, newest first. */
  public List<ImageRecord> list() {
    lock.lock();
    try {
      return images.all().stream()
          .sorted(Comparator.comparing(Stored::created).reversed().thenComparing(Stored::id))
          .map(this::toRecord)
          .toList();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tags the image {@code sourceRef} as {@code repo:tag}, moving the tag off any other image.
   *
   * @param tag null or empty for {@code latest}
   */
  public void tag(String sourceRef, String repo, String tag) {
    Reference target = Reference.parseRepoTag(repo, tag);
    if (target.familiarName().equals("sha256")) {
      throw new InvalidParameterException(
          "refusing to create an ambiguous tag using digest algorithm as name");
    }
    lock.lock();
    try {
      refs.put(target.familiarString(), resolve(sourceRef).id());
    } catch (IOException e) {
      throw new SystemException("cannot save tags: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes a tag or an image, following Docker's rules (see {@link ImageRemover}). Images here
   * have no parent images, so {@code noPrune} changes nothing.
   *
   * @param usage the containers using an image; null for none
   */
  public List<DeleteItem> remove(String ref, boolean force, boolean noPrune, ContainerUsage usage) {
    lock.lock();
    try {
      Stored img = resolve(ref);
      return remover.remove(ref, img, force, usage == null ? ContainerUsage.NONE : usage);
    } catch (IOException e) {
      throw new SystemException("cannot remove image " + ref + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Builds and imports a base image from the host: {@code busybox} (tagged busybox:latest, CMD sh)
   * or {@code debian:<suite>} (tagged so, CMD bash).
   *
   * @param progress receives human-readable progress lines
   */
  public ImageRecord bootstrap(String name, Consumer<String> progress) {
    if (name == null) {
      throw new InvalidParameterException("bootstrap image name is required");
    }
    Consumer<String> out = progress == null ? line -> {} : progress;
    TarPipe.Producer producer;
    String repoTag;
    String cmd;
    if (name.equals("busybox") || name.equals("busybox:latest")) {
      repoTag = "busybox:latest";
      cmd = "CMD [\"sh\"]";
      producer = bootstrap::busyboxRootfs;
    } else if (name.startsWith("debian:") && name.length() > "debian:".length()) {
      String suite = name.substring("debian:".length());
      repoTag = "debian:" + suite;
      cmd = "CMD [\"bash\"]";
      Path work = paths.tmp().resolve("debootstrap-" + Id.random().substring(0, 12));
      producer = tar -> bootstrap.debianRootfs(suite, null, work, tar, out);
    } else {
      throw new InvalidParameterException(
          "unsupported bootstrap image: " + name + " (supported: busybox, debian:<suite>)");
    }
    List<String> changes = List.of("ENV " + DEFAULT_PATH, cmd);
    try (InputStream tar = TarPipe.start(producer)) {
      ImageRecord img = importImage(tar, new ImportOptions(repoTag, changes, null, null));
      out.accept("Tagged " + repoTag + " as " + img.id());
      return img;
    } catch (IOException e) {
      throw new SystemException("cannot bootstrap " + name + ": " + e.getMessage(), e);
    }
  }

  /** Docker's lookup order: tag, then full id, then unique id prefix. Caller holds the lock. */
  Stored resolve(String ref) {
    if (HEX64.matcher(ref).matches()) {
      return images.get("sha256:" + ref).orElseThrow(() -> notFound("sha256:" + ref));
    }
    if (ref.startsWith("sha256:") && HEX64.matcher(ref.substring(7)).matches()) {
      return images.get(ref).orElseThrow(() -> notFound(ref));
    }
    String named = Reference.parse(ref).withDefaultTag().familiarString();
    Optional<Stored> tagged = refs.get(named).flatMap(images::get);
    if (tagged.isPresent()) {
      return tagged.get();
    }
    String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
    if (!hex.isEmpty() && Id.isHexPrefix(hex)) {
      List<Stored> matches = images.byPrefix(hex);
      if (matches.size() == 1) {
        return matches.getFirst();
      }
    }
    throw notFound(named);
  }

  private static NotFoundException notFound(String ref) {
    return EngineException.noSuch("image", ref);
  }

  /** A deleted layer's blobs (compressed ones, and its tar) go with the last layer of that diffID. */
  private void layerGone(String diffId) {
    try {
      if (layerStore.hasDiffId(diffId)) {
        return;
      }
      for (DistributionMetadata.Source s : metadata.sources(diffId)) {
        content.delete(io.berth.common.Digest.parse(s.digest()));
      }
      metadata.remove(diffId);
      content.delete(io.berth.common.Digest.parse(diffId));
    } catch (IOException | RuntimeException e) {
      System.getLogger(ImageService.class.getName())
          .log(System.Logger.Level.WARNING, "cannot forget the blobs of layer " + diffId, e);
    }
  }

  /** What container layers need to know about images; called with the lock held. */
  private final class ImageLookups implements ContainerLayers.Images {
    @Override
    public ContainerLayers.ImageLayers resolve(String imageRef) {
      Stored s = ImageService.this.resolve(imageRef);
      return new ContainerLayers.ImageLayers(s.id(), s.chainIds());
    }

    @Override
    public Set<String> chainIdsInUse() {
      Set<String> out = new HashSet<>();
      images.all().forEach(s -> out.addAll(s.chainIds()));
      return out;
    }
  }

  private ImageRecord toRecord(Stored s) {
    ConfigDocument d = s.doc();
    List<String> tags = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    for (String r : refs.refsOf(s.id())) {
      (r.contains("@") ? digests : tags).add(r);
    }
    return new ImageRecord(
        s.id(),
        tags,
        digests,
        "",
        d.comment() == null ? "" : d.comment(),
        s.created(),
        d.author() == null ? "" : d.author(),
        d.architecture() == null ? "" : d.architecture(),
        d.os() == null ? "" : d.os(),
        s.size(),
        d.config() == null ? ImageConfig.empty() : d.config(),
        d.rootfs() == null || d.rootfs().diffIds() == null ? List.of() : d.rootfs().diffIds(),
        s.raw());
  }
}
