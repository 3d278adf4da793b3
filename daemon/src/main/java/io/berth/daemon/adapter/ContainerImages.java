package io.berth.daemon.adapter;

import io.berth.api.model.container.ContainerConfig;
import io.berth.common.error.EngineException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.daemon.lifecycle.ImageAccess;
import io.berth.image.ImageRecord;
import io.berth.image.ImageService;
import io.berth.image.config.ImageConfig;
import io.berth.image.layer.RwLayer;
import io.berth.image.reference.Reference;
import java.util.List;

/**
 * Images as containers use them: resolving a reference at create, the writable layer over the
 * image, commit, and the sizes and directories that list and inspect show.
 */
public final class ContainerImages implements ImageAccess {
  private final ImageService images;

  public ContainerImages(ImageService images) {
    this.images = images;
  }

  @Override
  public String commit(io.berth.daemon.container.Container c, CommitSpec spec) {
    String repoTag = null;
    if (!spec.repo().isEmpty()) {
      repoTag = Reference.parseRepoTag(spec.repo(), spec.tag()).familiarString();
    } else if (!spec.tag().isEmpty()) {
      throw new InvalidParameterException("invalid reference format");
    }
    ImageRecord parent = images.inspect(c.imageId());
    ContainerConfig cc = c.config();
    ImageConfig merged = CommitConfig.merge(spec.config(), cc, parent.config().healthcheck());
    ImageConfig config = io.berth.image.config.ConfigChanges.apply(merged, spec.changes());
    String createdBy = cc.cmd() == null ? "" : String.join(" ", cc.cmd());
    return images.commit(c.id(), c.imageId(), new ImageService.Commit(config, cc, createdBy, spec.comment(),
        spec.author(), repoTag));
  }

  @Override
  public ResolvedImage resolve(String ref) {
    ImageRecord i;
    try {
      i = images.inspect(ref);
    } catch (NotFoundException e) {
      throw EngineException.noSuch("image", ref.contains(":") || ref.contains("@") ? ref : ref + ":latest");
    }
    ImageConfig c = i.config();
    var h = c.healthcheck();
    return new ResolvedImage(i.id(), c.env(), c.cmd(), c.entrypoint(), c.workingDir(), c.user(),
        c.labels(), c.exposedPorts(), c.volumes(), c.stopSignal(), h == null ? null
            : new io.berth.api.model.image.ImageInspect.HealthConfig(h.test(), h.interval(), h.timeout(),
                h.startPeriod(), h.startInterval(), h.retries()));
  }

  @Override
  public Rootfs prepare(String containerId, String imageId) {
    return rootfs(images.layers().prepareRw(containerId, imageId));
  }

  @Override
  public Rootfs rootfs(String containerId) {
    return rootfs(images.layers().rw(containerId).orElseThrow(
        () -> new NotFoundException("no writable layer for container " + containerId)));
  }

  private static Rootfs rootfs(RwLayer rw) {
    return new Rootfs(rw.mergedDir(), rw.mounts());
  }

  @Override
  public void remove(String containerId) {
    images.layers().removeRw(containerId);
  }

  @Override
  public List<String> layerOwners() {
    return images.layers().containerIds();
  }

  public String imageIdOrNull(String ref) {
    try {
      return images.inspect(ref).id();
    } catch (RuntimeException e) {
      return null;
    }
  }

  public String rwDirOf(String containerId) {
    return images.layers().rw(containerId).map(r -> r.mergedDir().getParent().toString()).orElse("");
  }

  /** Bytes in a container's writable layer, as {@code ps -s} shows them (regular files). */
  public long rwSizeOf(String containerId) {
    String dir = rwDirOf(containerId);
    if (dir.isEmpty()) {
      return 0;
    }
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(dir, "diff"))) {
      return files.mapToLong(p -> {
        try {
          var a = java.nio.file.Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
              java.nio.file.LinkOption.NOFOLLOW_LINKS);
          return a.isRegularFile() ? a.size() : 0;
        } catch (java.io.IOException e) {
          return 0; // removed while walking
        }
      }).sum();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  public long imageSizeOf(String imageId) {
    try {
      return images.inspect(imageId).size();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  @Override
  public List<ImageAccess.Change> changes(String containerId) {
    try {
      return images.layers().changes(containerId).stream()
          .map(c -> new ImageAccess.Change(c.path(), c.kind())).toList();
    } catch (java.io.IOException e) {
      throw new io.berth.common.error.SystemException("cannot read the changes of " + containerId + ": "
          + e.getMessage(), e);
    }
  }

}
