package io.berth.image.push;

import io.berth.common.Digest;
import io.berth.common.error.EngineException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.common.error.UnauthorizedException;
import io.berth.image.content.ContentStore;
import io.berth.image.distribution.DistributionMetadata;
import io.berth.image.pull.Progress;
import io.berth.image.pull.ProgressStream;
import io.berth.image.reference.Reference;
import io.berth.registry.Credentials;
import io.berth.registry.Endpoint;
import io.berth.registry.RegistryClient;
import io.berth.registry.RegistryException;
import io.berth.registry.Repository;
import io.berth.registry.manifest.Descriptor;
import io.berth.registry.manifest.ManifestWriter;
import io.berth.registry.manifest.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Pushes images as dockerd does: per layer, a blob the registry has is not sent ({@code Layer
 * already exists}), one another repository of the same registry has is mounted ({@code Mounted
 * from}), and any other is uploaded as the very blob it was pulled as, or, for a layer made here,
 * as its kept tar compressed on the way; then the config and a schema2 manifest.
 */
public final class Pusher {
  /** What a push reads of the image store. */
  public interface Source {
    /** The image a familiar reference ({@code name:tag}) names. */
    Optional<Image> image(String familiarRef);

    /** The familiar tags ({@code name:tag}) of a repository, for a push of all of them. */
    List<String> tags(String familiarName);

    /** Records {@code name@digest} for the image after a push. */
    void addReference(String familiarRef, String imageId);

    /** The layer's tar rebuilt from its unpacked files, and its length; empty if it cannot be. */
    Optional<LayerTar> layerTar(String diffId) throws IOException;
  }

  /** A layer's uncompressed tar, read once. */
  public record LayerTar(InputStream stream, long size) {}

  /** An image to push: its id (the config's digest), config bytes and layers bottom first. */
  public record Image(String id, byte[] config, List<String> diffIds) {}

  private final RegistryClient registry;
  private final ContentStore content;
  private final DistributionMetadata metadata;
  private final Source source;
  private final int maxConcurrent;

  public Pusher(RegistryClient registry, ContentStore content, DistributionMetadata metadata, Source source,
      int maxConcurrent) {
    this.registry = registry;
    this.content = content;
    this.metadata = metadata;
    this.source = source;
    this.maxConcurrent = Math.max(1, maxConcurrent);
  }

  /**
   * Pushes {@code ref}'s tag, or every tag of its repository when it has none. Errors after the
   * first line are for the caller to send in-band, as dockerd does.
   */
  public void push(Reference ref, Credentials credentials, Progress progress) {
    progress.status(null, "The push refers to repository [" + ref.name() + "]");
    List<String> tags = ref.tag() != null ? List.of(ref.familiarString()) : source.tags(ref.familiarName());
    List<Image> images = new ArrayList<>();
    for (String t : tags) {
      images.add(source.image(t).orElse(null));
    }
    if (tags.isEmpty() || images.contains(null)) {
      throw new NotFoundException("An image does not exist locally with the tag: " + ref.familiarName());
    }
    String here = ref.domain() + "/" + ref.path();
    List<String> mountFrom = mountCandidates(images, ref);
    List<Endpoint> endpoints = registry.hosts().endpoints(ref.domain()).stream().filter(e -> !e.mirror()).toList();
    RuntimeException last = null;
    for (Endpoint e : endpoints) {
      Repository repo = registry.repository(e, ref.path(), credentials, "push,pull", mountFrom);
      try {
        for (int i = 0; i < tags.size(); i++) {
          pushTag(repo, here, Reference.parse(tags.get(i)), images.get(i), progress);
        }
        return;
      } catch (Repository.EndpointException ex) {
        last = ex;
      } catch (RegistryException ex) {
        throw unwrap(ex);
      } catch (IOException ex) {
        throw new SystemException(ex.getMessage(), ex);
      }
    }
    throw new SystemException(last == null ? "no endpoints found for " + ref.familiarName()
        : "Get \"" + endpoints.getLast().base() + "/v2/\": " + last.getCause().getMessage(), last);
  }

  /** Other repositories of the same registry that hold some of these layers, for mounts. */
  private List<String> mountCandidates(List<Image> images, Reference ref) {
    Set<String> out = new LinkedHashSet<>();
    String prefix = ref.domain() + "/";
    for (Image img : images) {
      for (String diffId : img.diffIds()) {
        for (DistributionMetadata.Source s : metadata.sources(diffId)) {
          if (s.repository().startsWith(prefix) && !s.repository().equals(prefix + ref.path())) {
            out.add(s.repository().substring(prefix.length()));
          }
        }
      }
    }
    return out.stream().limit(4).toList();
  }

  private void pushTag(Repository repo, String here, Reference tag, Image img, Progress progress) throws IOException {
    List<String> diffIds = img.diffIds();
    // first contact, outside the layer tasks, so that an endpoint that cannot be reached moves on
    Digest configDigest = Digest.parse(img.id());
    boolean hasConfig = repo.blobSize(configDigest).isPresent();
    for (String d : diffIds.reversed()) {
      progress.layer(shortId(d), "Preparing");
    }
    List<Future<Descriptor>> futures = new ArrayList<>();
    Semaphore slots = new Semaphore(maxConcurrent);
    List<Descriptor> layers = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String d : diffIds.reversed()) {
        futures.addFirst(pool.submit(() -> pushLayer(repo, here, d, slots, progress)));
      }
      for (Future<Descriptor> f : futures) {
        layers.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.berth.common.error.CancelledException("push cancelled", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw unwrap(e.getCause());
    }
    if (!hasConfig) {
      try (InputStream in = content.open(configDigest)) {
        repo.upload(in, configDigest, MediaTypes.DOCKER_CONFIG);
      }
    }
    boolean oci = layers.stream().anyMatch(l -> l.mediaType().contains("zstd"));
    String manifestType = oci ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
    Descriptor config = new Descriptor(oci ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG, configDigest,
        img.config().length);
    List<Descriptor> inManifest = layers.stream().map(l -> oci ? l : asDocker(l)).toList();
    byte[] manifest = ManifestWriter.image(manifestType, config, inManifest);
    Digest digest = repo.putManifest(tag.tag(), manifestType, manifest);
    content.put(manifest);
    source.addReference(new Reference(tag.domain(), tag.path(), null, digest.toString()).familiarString(), img.id());
    progress.status(null, tag.tag() + ": digest: " + digest + " size: " + manifest.length);
    progress.aux(tag.tag(), digest.toString(), manifest.length);
  }

  /** Docker's own names for the layer types a schema2 manifest lists. */
  private static Descriptor asDocker(Descriptor l) {
    String type = switch (l.mediaType()) {
      case MediaTypes.OCI_LAYER_GZIP -> MediaTypes.DOCKER_LAYER_GZIP;
      case MediaTypes.OCI_LAYER -> MediaTypes.DOCKER_LAYER_TAR;
      case MediaTypes.OCI_LAYER_NONDIST_GZIP -> MediaTypes.DOCKER_LAYER_FOREIGN;
      default -> l.mediaType();
    };
    return new Descriptor(type, l.digest(), l.size(), l.urls(), null, null);
  }

  private Descriptor pushLayer(Repository repo, String here, String diffId, Semaphore slots, Progress progress)
      throws IOException, InterruptedException {
    String id = shortId(diffId);
    if (!slots.tryAcquire()) {
      progress.layer(id, "Waiting");
      slots.acquire();
    }
    try {
      List<DistributionMetadata.Source> known = metadata.sources(diffId);
      for (DistributionMetadata.Source s : known) {
        if (s.repository().equals(here)) {
          OptionalLong size = repo.blobSize(Digest.parse(s.digest()));
          if (size.isPresent()) {
            progress.layer(id, "Layer already exists");
            return new Descriptor(s.mediaType(), Digest.parse(s.digest()), size.getAsLong());
          }
        }
      }
      String domain = here.substring(0, here.indexOf('/') + 1);
      for (DistributionMetadata.Source s : known) {
        if (!s.repository().equals(here) && s.repository().startsWith(domain)) {
          String from = s.repository().substring(domain.length());
          Digest d = Digest.parse(s.digest());
          if (repo.mount(d, from)) {
            OptionalLong size = repo.blobSize(d);
            progress.layer(id, "Mounted from " + from);
            metadata.add(diffId, new DistributionMetadata.Source(s.digest(), here, s.mediaType()));
            return new Descriptor(s.mediaType(), d, size.orElse(-1));
          }
        }
      }
      Descriptor sent = upload(repo, diffId, known, id, progress);
      metadata.add(diffId, new DistributionMetadata.Source(sent.digest(), here, sent.mediaType()));
      progress.layer(id, "Pushed");
      return sent;
    } finally {
      slots.release();
    }
  }

  /** Sends the blob the layer was pulled as, or its kept tar compressed with gzip. */
  private Descriptor upload(Repository repo, String diffId, List<DistributionMetadata.Source> known, String id,
      Progress progress) throws IOException {
    for (DistributionMetadata.Source s : known) {
      Digest d = Digest.parse(s.digest());
      OptionalLong size = content.size(d);
      if (size.isPresent()) {
        try (InputStream blob = content.open(d);
            InputStream in = new ProgressStream(blob, null, id, "Pushing", size.getAsLong(), progress)) {
          return repo.upload(in, d, s.mediaType());
        }
      }
    }
    Digest tar = Digest.parse(diffId);
    OptionalLong tarSize = content.size(tar);
    LayerTar layer;
    if (tarSize.isPresent()) {
      layer = new LayerTar(content.open(tar), tarSize.getAsLong());
    } else {
      layer = source.layerTar(diffId).orElseThrow(() -> new SystemException("cannot push layer " + diffId
          + ": Berth kept no tar of it (it was stored by an older Berth); pull or import the image again"));
    }
    var md = Digest.newSha256();
    Descriptor sent;
    try (InputStream raw = new java.security.DigestInputStream(layer.stream(), md);
        InputStream gz = Gzip.compressing(new ProgressStream(raw, null, id, "Pushing", layer.size(), progress))) {
      sent = repo.upload(gz, null, MediaTypes.DOCKER_LAYER_GZIP);
    }
    if (!Digest.ofSha256(md).toString().equals(diffId)) {
      // the blob went up, but no manifest will name it: the registry's garbage collection takes it
      throw new SystemException("cannot push layer " + diffId + ": its tar does not match its digest (its files"
          + " changed)");
    }
    return sent;
  }

  private static RuntimeException unwrap(Throwable t) {
    if (t instanceof RegistryException r) {
      return r.status() == 401 && !r.is(Repository.NO_BASIC_CREDENTIALS)
          ? new UnauthorizedException(r.getMessage(), r) : new SystemException(r.getMessage(), r);
    }
    if (t instanceof EngineException e) {
      return e;
    }
    if (t instanceof UncheckedIOException u) {
      return new SystemException(u.getCause().getMessage(), u.getCause());
    }
    return new SystemException(String.valueOf(t.getMessage()), t);
  }

  static String shortId(String diffId) {
    return Digest.parse(diffId).hex().substring(0, 12);
  }
}
