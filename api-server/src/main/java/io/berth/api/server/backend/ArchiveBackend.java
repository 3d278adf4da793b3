package io.berth.api.server.backend;

import io.berth.api.model.container.PathStat;
import java.io.InputStream;

/** The archive routes' backend ({@code docker cp}): a container's files, read and written. */
public interface ArchiveBackend {
  /** {@code HEAD /containers/{id}/archive}: the path's stat, its last link not followed. */
  PathStat containerStatPath(String ref, String path);

  /** {@code GET /containers/{id}/archive}: the path's stat, and a writer of its tar. */
  Archive containerArchive(String ref, String path);

  /** A path's stat and its tar, written later (with the container held meanwhile). */
  record Archive(PathStat stat, ContainerBackend.Exporter body) {}

  /**
   * {@code PUT /containers/{id}/archive}: extracts the tar into the directory at {@code path}.
   *
   * @param copyUidGid every entry owned by the container's user (when it has one)
   */
  void containerExtract(String ref, String path, boolean noOverwriteDirNonDir, boolean copyUidGid, InputStream tar);
}
