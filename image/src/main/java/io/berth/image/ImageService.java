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
import io.berth.image.pull.PullTarget;
import io.berth.image.pull.Puller;
import io.berth.image.push.Pusher;
import io.berth.registry.RegistryClient;
import io.berth.image.layer.ContainerLayers;
import io.berth.image.layer.LayerInfo;
import io.berth.image.layer.LayerStore;
import io.berth.image.reference.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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

  private final ImagePaths paths;
  private final ReentrantLock lock = new ReentrantLock();
  private final LayerStore layerStore;
  private final ImageStore images;
  private final ReferenceStore refs;
  private final ContainerLayers containers;
  private final ImageRemover remover;
  private final Bootstrap bootstrap;
  private final FileContentStore content;
  private final DistributionMetadata metadata;

  /** Opens (creating if needed) the store at {@code root} and recovers from any crash. */
  public ImageService(Path root) {
    this(root, new Bootstrap());
  }

  /** As {@link #ImageService(Path)}, with the given source of bootstrap root filesystems. */
  public ImageService(Path root, Bootstrap bootstrap) {
    this.paths = new ImagePaths(root);
    this.bootstrap = bootstrap;
    try {
      Recovery.clearTmp(paths.tmp());
      content = new FileContentStore(paths.blobRoot(), paths.tmp());
      metadata = new DistributionMetadata(paths.distribution());
      layerStore = new LayerStore(paths.layers(), paths.tmp(), this::layerGone);
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
    return new Puller(registry, content, metadata, new Target(), maxConcurrentDownloads);
  }

  /**
   * A pusher from this store.
   *
   * @param maxConcurrentUploads layers sent at once (dockerd's {@code --max-concurrent-uploads})
   */
  public Pusher pusher(RegistryClient registry, int maxConcurrentUploads) {
    return new Pusher(registry, content, metadata, new PushSource(), maxConcurrentUploads);
  }

  /** The store as a push reads it. */
  private final class PushSource implements Pusher.Source {
    @Override
    public Optional<Pusher.Image> image(String familiarRef) {
      lock.lock();
      try {
        return refs.get(familiarRef).flatMap(images::get).map(s -> new Pusher.Image(s.id(), s.raw(),
            s.doc().rootfs() == null || s.doc().rootfs().diffIds() == null ? List.of() : s.doc().rootfs().diffIds()));
      } finally {
        lock.unlock();
      }
    }

    @Override
    public List<String> tags(String familiarName) {
      lock.lock();
      try {
        List<String> out = new ArrayList<>();
        for (Stored s : images.all()) {
          for (String r : refs.refsOf(s.id())) {
            if (!r.contains("@") && Reference.parse(r).familiarName().equals(familiarName)) {
              out.add(r);
            }
          }
        }
        out.sort(null);
        return out;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void addReference(String familiarRef, String imageId) {
      lock.lock();
      try {
        if (images.get(imageId).isPresent()) {
          refs.put(familiarRef, imageId);
        }
      } catch (IOException e) {
        throw new SystemException("cannot save references: " + e.getMessage(), e);
      } finally {
        lock.unlock();
      }
    }
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
    Reference tag = c.repoTag() == null ? null : Reference.parseRepoTag(c.repoTag(), null);
    Path diff = containers.diffDir(containerId);
    LayerStore.Pending pending = null;
    boolean empty;
    try (var entries = java.nio.file.Files.list(diff)) {
      empty = entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new SystemException("cannot read the layer of container " + containerId + ": " + e.getMessage(), e);
    }
    if (!empty) {
      io.berth.common.Digest tar;
      try (ContentStore.Writer w = content.writer(null, -1)) {
        io.berth.image.archive.DirectoryTar.write(diff, Set.of(), w.stream());
        tar = w.commit();
      } catch (IOException e) {
        throw new SystemException("cannot write the layer of container " + containerId + ": " + e.getMessage(), e);
      }
      try (InputStream in = content.open(tar)) {
        pending = layerStore.extract(in);
      } catch (IOException e) {
        throw new SystemException("cannot unpack the committed layer: " + e.getMessage(), e);
      }
    }
    lock.lock();
    try {
      Stored parent = images.get(parentImageId)
          .orElseThrow(() -> EngineException.noSuch("image", parentImageId));
      var doc = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(parent.raw());
      String now = Instant.now().toString();
      List<String> chain = new ArrayList<>(parent.chainIds());
      if (pending != null) {
        String top = chain.isEmpty() ? null : chain.getLast();
        LayerInfo layer = layerStore.commit(pending, top);
        pending = null;
        var rootfs = doc.withObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.withArray("diff_ids").add(layer.diffId());
      }
      doc.put("created", now);
      doc.put("container", containerId);
      doc.set("container_config", Json.mapper().valueToTree(c.containerConfig()));
      doc.set("config", Json.mapper().valueToTree(c.config()));
      doc.put("docker_version", "28.5.2");
      putOrRemove(doc, "author", c.author());
      putOrRemove(doc, "comment", c.comment());
      var h = doc.withArray("history").addObject();
      h.put("created", now);
      if (c.author() != null && !c.author().isEmpty()) {
        h.put("author", c.author());
      }
      h.put("created_by", c.createdBy());
      if (c.comment() != null && !c.comment().isEmpty()) {
        h.put("comment", c.comment());
      }
      if (empty) {
        h.put("empty_layer", true);
      }
      Stored img = images.add(Json.bytes(doc));
      if (tag != null) {
        refs.put(tag.familiarString(), img.id());
      }
      return img.id();
    } catch (IOException e) {
      throw new SystemException("cannot store the committed image: " + e.getMessage(), e);
    } finally {
      lock.unlock();
      if (pending != null) {
        layerStore.discard(pending.workDir());
      }
    }
  }

  private static void putOrRemove(com.fasterxml.jackson.databind.node.ObjectNode doc, String field, String value) {
    if (value == null || value.isEmpty()) {
      doc.remove(field);
    } else {
      doc.put(field, value);
    }
  }

  /**
   * Finds the images of {@code docker save}: a name with a tag (or a digest), a bare name for
   * every tag of that repository, an id for the image without names; the job writes the tarball.
   *
   * @throws NotFoundException for a name that is no image, before anything is written
   */
  public SaveJob save(List<String> names) {
    List<ImageSaver.Item> items = new ArrayList<>();
    lock.lock();
    try {
      java.util.Map<String, List<String>> byId = new java.util.LinkedHashMap<>();
      java.util.Map<String, Stored> stored = new java.util.HashMap<>();
      for (String name : names) {
        Stored img;
        List<String> tags = new ArrayList<>();
        if (isIdLike(name)) {
          img = resolve(name);
        } else {
          Reference r = Reference.parse(name);
          if (r.tag() == null && r.digest() == null) {
            for (Stored s : images.all()) {
              for (String t : refs.refsOf(s.id())) {
                if (!t.contains("@") && Reference.parse(t).familiarName().equals(r.familiarName())) {
                  stored.put(s.id(), s);
                  byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(t);
                }
              }
            }
            if (!byId.isEmpty()) {
              continue;
            }
          }
          img = resolve(name);
          if (r.digest() == null) {
            tags.add(r.withDefaultTag().familiarString());
          }
        }
        stored.put(img.id(), img);
        List<String> list = byId.computeIfAbsent(img.id(), k -> new ArrayList<>());
        tags.stream().filter(t -> !list.contains(t)).forEach(list::add);
      }
      byId.forEach((id, tags) -> items.add(new ImageSaver.Item(stored.get(id), tags)));
    } finally {
      lock.unlock();
    }
    java.util.Map<String, Long> tarSizes = new java.util.HashMap<>();
    for (ImageSaver.Item item : items) {
      for (String chainId : item.image().chainIds()) {
        layerStore.get(chainId).ifPresent(l -> tarSizes.put(l.diffId(), l.tarSize()));
      }
    }
    return out -> new ImageSaver(content, metadata, paths.tmp(), d -> tarSizes.getOrDefault(d, 0L))
        .write(items, out);
  }

  /** A save whose images are found: writing it needs no lock. */
  @FunctionalInterface
  public interface SaveJob {
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  private boolean isIdLike(String name) {
    String hex = name.startsWith("sha256:") ? name.substring(7) : name;
    return HEX64.matcher(hex).matches() || (!name.contains("/") && !name.contains(":") && Id.isHexPrefix(hex)
        && refs.get(Reference.parse(name).withDefaultTag().familiarString()).isEmpty()
        && images.byPrefix(hex).size() == 1);
  }

  /**
   * Loads {@code docker save} tarballs (Docker 25+ and older), or OCI layouts, plain or
   * compressed; {@code out} receives {@code Loaded image: busybox:latest} lines.
   */
  public void load(InputStream archive, Consumer<String> out) {
    ImageLoader.Target t = new ImageLoader.Target() {
      @Override
      public LayerStore layers() {
        return layerStore;
      }

      @Override
      public void commit(LayerStore.Pending p, String parent) {
        lock.lock();
        try {
          layerStore.commit(p, parent);
        } finally {
          lock.unlock();
        }
      }

      @Override
      public List<String> store(byte[] config, List<String> tags) {
        lock.lock();
        try {
          Stored img = images.add(config);
          List<String> lines = new ArrayList<>();
          for (String tag : tags) {
            Optional<String> old = refs.get(tag);
            if (old.isPresent() && !old.get().equals(img.id())) {
              lines.add("The image " + tag + " already exists, renaming the old one with ID " + old.get()
                  + " to empty string");
            }
            refs.put(tag, img.id());
            lines.add("Loaded image: " + tag);
          }
          if (tags.isEmpty()) {
            lines.add("Loaded image ID: " + img.id());
          }
          return lines;
        } catch (IOException e) {
          throw new SystemException("cannot store loaded image: " + e.getMessage(), e);
        } finally {
          lock.unlock();
        }
      }
    };
    try {
      new ImageLoader(content, metadata, t).load(archive, out);
    } catch (IOException e) {
      throw new SystemException("cannot load images: " + e.getMessage(), e);
    }
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
  private Stored resolve(String ref) {
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

  /** The store as a pull sees it: unpacking runs outside the lock, publishing inside. */
  private final class Target implements PullTarget {
    @Override
    public boolean hasImage(String id) {
      lock.lock();
      try {
        return images.get(id).isPresent();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public boolean hasLayer(String chainId) {
      return layerStore.get(chainId).isPresent();
    }

    @Override
    public LayerStore.Pending extract(InputStream tar) {
      return layerStore.extract(tar);
    }

    @Override
    public LayerInfo commit(LayerStore.Pending pending, String parent) {
      lock.lock();
      try {
        return layerStore.commit(pending, parent);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void discard(LayerStore.Pending pending) {
      layerStore.discard(pending.workDir());
    }

    @Override
    public boolean store(byte[] config, List<String> refNames) {
      lock.lock();
      try {
        Stored img = images.add(config);
        boolean moved = !refs.get(refNames.getFirst()).equals(Optional.of(img.id()));
        for (String r : refNames) {
          if (!refs.get(r).equals(Optional.of(img.id()))) {
            refs.put(r, img.id());
          }
        }
        return moved;
      } catch (IOException e) {
        throw new SystemException("cannot store pulled image: " + e.getMessage(), e);
      } finally {
        lock.unlock();
      }
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
