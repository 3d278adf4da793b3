package io.berth.image;

import io.berth.common.Digest;
import java.nio.file.Path;

/**
 * Where the image store keeps its files.
 *
 * <pre>{@code
 * <root>/
 *   blobs/sha256/<hex>            the content store: image configs, manifests and compressed
 *                                 layers, written through a verifying ingest in tmp/
 *   images/<hex>.json             one per image, {"id": "sha256:<hex>"}; written after the
 *                                 config blob and the layers, so it only names complete images
 *   layers/<chain hex>/diff/      an unpacked layer: an overlay lowerdir, shared by every image
 *                                 whose chain contains it
 *   layers/<chain hex>/layer.json {diffId, chainId, parent, size}: written last; a layer
 *                                 directory without it is crash debris, removed at startup
 *   repositories.json             {"busybox:latest": "sha256:<id>", "x@sha256:<manifest>": ...}
 *                                 by familiar name, tags and digests, written atomically
 *   distribution/                 diffID to compressed blob digests and their repositories
 *                                 (DistributionMetadata)
 *   containers/<id>/diff/         a container's overlay upperdir
 *   containers/<id>/work/         its overlay workdir
 *   containers/<id>/merged/       where the caller mounts its root filesystem
 *   containers/<id>/empty/        the lowerdir of an image without layers
 *   containers/<id>/rw.json       {imageId, layers}: the chain ids it stands on; the directory
 *                                 is built in tmp/ and renamed into place with this file inside
 *   tmp/                          extractions, bootstraps and deletions in progress; emptied at
 *                                 startup
 * }</pre>
 *
 * <p>Startup recovery: {@code tmp/} is emptied (after unmounting anything left there), layer and
 * container directories lacking their json are removed, images whose blob or layers are missing are
 * dropped, tags of unknown images are dropped, and layers that no image and no container uses are
 * deleted. Every step tolerates a crash at any point of any write.
 */
public final class ImagePaths {
  private final Path root;

  public ImagePaths(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The content store's root: {@code blobs/<algorithm>/<hex>}. */
  public Path blobRoot() {
    return root.resolve("blobs");
  }

  public Path images() {
    return root.resolve("images");
  }

  public Path image(Digest id) {
    return images().resolve(id.hex() + ".json");
  }

  public Path layers() {
    return root.resolve("layers");
  }

  public Path repositories() {
    return root.resolve("repositories.json");
  }

  public Path distribution() {
    return root.resolve("distribution");
  }

  public Path containers() {
    return root.resolve("containers");
  }

  public Path tmp() {
    return root.resolve("tmp");
  }
}
