package io.berth.daemon.lifecycle;

import io.berth.common.Mount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What container lifecycle needs from image storage, narrowed to this module's own terms. */
public interface ImageAccess {
  /**
   * Makes an image of a container's layer on its image ({@code docker commit}); the caller holds
   * the container still. Returns the new image's id.
   */
  String commit(io.berth.daemon.container.Container c, CommitSpec spec);

  /**
   * What a commit asks: the image's run configuration (the container's, with the client's
   * fields and Dockerfile-like changes over it), a tag, message and author.
   */
  record CommitSpec(io.berth.api.model.container.ContainerConfig config, List<String> changes,
      String repo, String tag, String comment, String author) {}

  /** The image's id and run configuration; NotFoundException with Docker's words if absent. */
  ResolvedImage resolve(String ref);

  /** Creates the container's writable layer on top of the image. */
  Rootfs prepare(String containerId, String imageId);

  /** The existing writable layer's mounts (after a restart too). */
  Rootfs rootfs(String containerId);

  void remove(String containerId);

  /** What the container changed: path and Docker's kind (0 modified, 1 added, 2 deleted). */
  List<Change> changes(String containerId);

  record Change(String path, int kind) {}

  /** Containers that have a writable layer, whether or not a record knows them. */
  java.util.List<String> layerOwners();

  record Rootfs(Path merged, List<Mount> mounts) {}

  record ResolvedImage(
      String id,
      List<String> env,
      List<String> cmd,
      List<String> entrypoint,
      String workingDir,
      String user,
      Map<String, String> labels,
      Map<String, Object> exposedPorts,
      Map<String, Object> volumes,
      String stopSignal,
      io.berth.api.model.image.ImageInspect.HealthConfig healthcheck) {}
}
