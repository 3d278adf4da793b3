package io.berth.image.pull;

import io.berth.common.Digest;
import io.berth.common.error.EngineException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.common.error.UnauthorizedException;
import io.berth.common.json.Json;
import io.berth.image.ConfigDocument;
import io.berth.image.content.ContentStore;
import io.berth.image.content.VerificationException;
import io.berth.image.distribution.DistributionMetadata;
import io.berth.image.layer.ChainIds;
import io.berth.image.layer.LayerLimits;
import io.berth.registry.BrokenBlobException;
import io.berth.image.layer.LayerStore;
import io.berth.image.reference.Reference;
import io.berth.registry.Credentials;
import io.berth.registry.Endpoint;
import io.berth.registry.RegistryClient;
import io.berth.registry.RegistryException;
import io.berth.registry.Repository;
import io.berth.registry.manifest.Descriptor;
import io.berth.registry.manifest.Manifest;
import io.berth.registry.manifest.Manifests;
import io.berth.registry.manifest.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Pulls one image: resolves the manifest (an index's entry for the platform), fetches the config,
 * then downloads the layers the store lacks, at most {@code maxConcurrent} at once, each unpacked
 * as it arrives and kept as its compressed blob; a layer is committed only once its blob digest
 * and its diffID are the ones the manifest and config name, bottom first.
 */
public final class Puller {
  private final RegistryClient registry;
  private final ContentStore content;
  private final DistributionMetadata metadata;
  private final PullTarget target;
  private final int maxConcurrent;

  public Puller(RegistryClient registry, ContentStore content, DistributionMetadata metadata,
      PullTarget target, int maxConcurrent) {
    this.registry = registry;
    this.content = content;
    this.metadata = metadata;
    this.target = target;
    this.maxConcurrent = Math.max(1, maxConcurrent);
  }

  /** What a pull made: the image and the manifest digest it came from. */
  public record Result(String imageId, Digest manifestDigest, boolean downloaded) {}

  /**
   * Pulls {@code ref} (a tag, or a digest) for {@code platform} (null for the host's, with no
   * warning when a single-platform image is of another), trying each
   * endpoint of its registry in turn: a mirror's error or an endpoint that cannot be reached moves
   * on to the next.
   */
  public Result pull(Reference ref, Platform platform, Credentials credentials, Progress progress) {
    Reference r = ref.withDefaultTag();
    if (r.familiarName().equals("scratch")) {
      throw new io.berth.common.error.ForbiddenException("'scratch' is a reserved name");
    }
    List<Endpoint> endpoints = registry.endpoints(r.domain());
    RuntimeException last = null;
    for (int i = 0; i < endpoints.size(); i++) {
      Endpoint e = endpoints.get(i);
      boolean more = i + 1 < endpoints.size();
      try {
        Repository repo = registry.repository(e, r.path(), credentials, "pull");
        return pullFrom(repo, r, platform, progress);
      } catch (Repository.EndpointException ex) {
        last = ex;
      } catch (RegistryException ex) {
        if (!(e.mirror() && more)) {
          throw translate(ex, r);
        }
        last = ex;
      } catch (IOException ex) {
        throw new SystemException(ex.getMessage(), ex);
      }
    }
    if (last instanceof RegistryException re) {
      throw translate(re, r);
    }
    if (last == null) {
      throw new SystemException("no endpoints found for " + r.familiarName());
    }
    Throwable cause = last.getCause() == null ? last : last.getCause();
    String why = cause instanceof java.net.UnknownHostException
        ? "dial tcp: lookup " + cause.getMessage() + ": no such host"
        : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    throw new SystemException("Get \"" + endpoints.getLast().base() + "/v2/\": " + why, last);
  }

  private Result pullFrom(Repository repo, Reference ref, Platform platform, Progress progress)
      throws IOException {
    String wanted = ref.digest() != null ? ref.digest() : ref.tag();
    Repository.FetchedManifest fetched = repo.manifest(wanted);
    // what follows is in-band: the first line is out
    progress.status(ref.digest() != null ? ref.toString() : ref.tag(), "Pulling from " + ref.path());
    String display = ref.familiarString();
    Manifest m = Manifests.parse(fetched.body(), fetched.mediaType(), ref.toString());
    Digest manifestDigest = fetched.digest();
    content.put(fetched.body());
    if (m instanceof Manifest.Index index) {
      Descriptor entry = Manifests.select(index, platform == null ? Platform.host() : platform);
      fetched = repo.manifest(entry.digest());
      m = Manifests.parse(fetched.body(), fetched.mediaType(), ref.toString());
      if (!(m instanceof Manifest.Image)) {
        throw new InvalidParameterException("manifest list entry " + entry.digest() + " is not an image manifest");
      }
      content.put(fetched.body());
    }
    Manifest.Image image = (Manifest.Image) m;
    List<String> refs = new ArrayList<>();
    if (ref.digest() == null) {
      refs.add(ref.familiarString());
    }
    refs.add(new Reference(ref.domain(), ref.path(), null, manifestDigest.toString()).familiarString());

    String imageId = image.config().digest();
    boolean present = target.hasImage(imageId);
    byte[] config = present ? content.read(image.config().parsedDigest()) : fetchConfig(repo, image.config());
    if (!present) {
      ConfigDocument doc = Json.parse(config, ConfigDocument.class);
      List<String> diffIds = doc.rootfs() == null || doc.rootfs().diffIds() == null
          ? List.of() : doc.rootfs().diffIds();
      if (diffIds.size() != image.layers().size()) {
        throw new InvalidParameterException("layers from manifest don't match image configuration");
      }
      pullLayers(repo, image.layers(), diffIds, progress);
    }
    // "up to date" means the name already led to this image, whatever was downloaded
    boolean moved = target.store(config, refs);
    progress.status(null, "Digest: " + manifestDigest);
    progress.status(null, (moved ? "Status: Downloaded newer image for " : "Status: Image is up to date for ")
        + display);
    if (platform != null) {
      warnPlatform(Json.parse(config, ConfigDocument.class), platform, display, progress);
    }
    return new Result(imageId, manifestDigest, !present);
  }

  /** Docker pulls a single-platform image of another platform, and says so. */
  private static void warnPlatform(ConfigDocument doc, Platform want, String display, Progress progress) {
    String os = doc.os() == null || doc.os().isEmpty() ? "linux" : doc.os();
    String arch = doc.architecture() == null || doc.architecture().isEmpty() ? want.architecture() : doc.architecture();
    Platform have = new Platform(os, arch, null);
    if (!want.matches(have)) {
      progress.status(null, "WARNING: image with reference " + display + " was found but its platform ("
          + have + ") does not match the specified platform (" + want + ")");
    }
  }

  private byte[] fetchConfig(Repository repo, Descriptor d) throws IOException {
    Digest digest = d.parsedDigest();
    if (content.size(digest).isPresent()) {
      return content.read(digest);
    }
    if (d.size() > Manifests.MAX_SIZE * 2L) {
      throw new InvalidParameterException("image config too big: " + d.size() + " bytes");
    }
    try (InputStream in = repo.blob(d); ContentStore.Writer w = content.writer(digest, d.size())) {
      in.transferTo(w.stream());
      w.commit();
    } catch (VerificationException e) {
      throw new InvalidParameterException("image config verification failed for digest " + d.digest());
    }
    return content.read(digest);
  }

  /** One layer's download: its unpacked form once verified. */
  private record Fetched(LayerStore.Pending pending) {}

  private void pullLayers(Repository repo, List<Descriptor> layers, List<String> diffIds, Progress progress) {
    List<String> chains = ChainIds.of(diffIds);
    List<Future<Fetched>> futures = new ArrayList<>();
    Semaphore slots = new Semaphore(maxConcurrent);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < layers.size(); i++) {
        Descriptor d = layers.get(i);
        String id = shortId(d);
        if (target.hasLayer(chains.get(i))) {
          progress.layer(id, "Already exists");
          futures.add(CompletableFuture.completedFuture(null));
          continue;
        }
        progress.layer(id, "Pulling fs layer");
        String diffId = diffIds.get(i);
        futures.add(pool.submit(() -> download(repo, d, diffId, slots, progress)));
      }
      commitInOrder(repo, layers, diffIds, futures, progress);
    }
  }

  private void commitInOrder(Repository repo, List<Descriptor> layers, List<String> diffIds,
      List<Future<Fetched>> futures, Progress progress) {
    String parent = null;
    int i = 0;
    try {
      for (; i < layers.size(); i++) {
        Fetched f = futures.get(i).get();
        if (f != null) {
          String id = shortId(layers.get(i));
          progress.progress(id, "Extracting", f.pending().size(), f.pending().size());
          target.commit(f.pending(), parent);
          metadata.add(diffIds.get(i), new DistributionMetadata.Source(
              layers.get(i).digest(), repo.endpoint().host() + "/" + repo.path(), layers.get(i).mediaType()));
          progress.layer(id, "Pull complete");
        }
        parent = ChainIds.next(parent, diffIds.get(i));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.berth.common.error.CancelledException("pull cancelled", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (IOException e) {
      throw new SystemException("cannot record distribution metadata: " + e.getMessage(), e);
    } finally {
      discardRest(futures, i + 1);
    }
  }

  /** Cancels and cleans up the downloads after a failure at layer {@code from - 1}. */
  private void discardRest(List<Future<Fetched>> futures, int from) {
    for (int j = from; j < futures.size(); j++) {
      Future<Fetched> f = futures.get(j);
      f.cancel(true);
      try {
        Fetched got = f.get();
        if (got != null) {
          target.discard(got.pending());
        }
      } catch (Exception ignored) {
        // it failed or was cancelled: it cleaned up after itself
      }
    }
  }

  private static RuntimeException unwrap(Throwable t) {
    if (t instanceof UncheckedIOException u) {
      return new SystemException(u.getCause().getMessage(), u.getCause());
    }
    if (t instanceof RuntimeException r) {
      return r;
    }
    return new SystemException(t.getMessage(), t);
  }

  private Fetched download(Repository repo, Descriptor d, String diffId, Semaphore slots, Progress progress)
      throws IOException, InterruptedException {
    String id = shortId(d);
    if (!slots.tryAcquire()) {
      progress.layer(id, "Waiting");
      slots.acquire();
    }
    LayerStore.Pending pending = null;
    try (SlotRelease held = slots::release;
        InputStream blob = repo.blob(d);
        ContentStore.Writer w = content.writer(d.parsedDigest(), d.size())) {
      ProgressStream tee = new ProgressStream(blob, w.stream(), id, "Downloading", d.size(), progress);
      try {
        pending = target.extract(tee);
      } catch (RuntimeException e) {
        if (LayerLimits.exceeded(e) != null) {
          // refused whatever its digest: the blob is not kept either
          throw e;
        }
        BrokenBlobException broken = BrokenBlobException.in(e);
        if (broken != null) {
          throw new SystemException(broken.getMessage(), broken);
        }
        throw unpackFailure(e, tee, w, d);
      }
      tee.transferTo(OutputStream.nullOutputStream());
      progress.layer(id, "Verifying Checksum");
      try {
        w.commit();
      } catch (VerificationException e) {
        throw new InvalidParameterException("filesystem layer verification failed for digest " + d.digest());
      }
      progress.layer(id, "Download complete");
      if (!pending.diffId().equals(diffId)) {
        throw new InvalidParameterException("layers from manifest don't match image configuration");
      }
      LayerStore.Pending done = pending;
      pending = null;
      return new Fetched(done);
    } finally {
      if (pending != null) {
        target.discard(pending);
      }
    }
  }

  /**
   * A layer that would not unpack may simply not be the blob it should be: the rest is read and
   * hashed, and a wrong digest is the error, in Docker's words, as Docker (which verifies before
   * it unpacks) would report it.
   */
  private static RuntimeException unpackFailure(RuntimeException e, InputStream rest, ContentStore.Writer w,
      Descriptor d) {
    try {
      rest.transferTo(OutputStream.nullOutputStream());
      w.commit();
    } catch (VerificationException ve) {
      return new InvalidParameterException("filesystem layer verification failed for digest " + d.digest());
    } catch (IOException | RuntimeException other) {
      e.addSuppressed(other);
    }
    return e;
  }

  /** Gives a download slot back when the download ends, however it ends. */
  private interface SlotRelease extends AutoCloseable {
    @Override
    void close();
  }

  static String shortId(Descriptor d) {
    return d.parsedDigest().hex().substring(0, 12);
  }

  /**
   * Turns a registry's error into Docker's sentence for a pull: an unknown repository or manifest,
   * or denied access, is a 404 naming the image.
   */
  static EngineException translate(RegistryException e, Reference ref) {
    String cause = e.getMessage();
    return switch (e.code()) {
      case "DENIED", "UNAUTHORIZED" -> new NotFoundException("pull access denied for "
          + ref.familiarName() + ", repository does not exist or may require 'docker login': " + cause);
      case "MANIFEST_UNKNOWN", "NOT_FOUND" ->
          new NotFoundException("manifest for " + ref.familiarString() + " not found: " + cause);
      case "NAME_UNKNOWN" ->
          new NotFoundException("repository " + ref.familiarName() + " not found: " + cause);
      case Repository.NO_BASIC_CREDENTIALS -> new SystemException(cause, e);
      default -> e.status() == 401
          ? new UnauthorizedException(cause) : new SystemException(cause, e);
    };
  }
}
