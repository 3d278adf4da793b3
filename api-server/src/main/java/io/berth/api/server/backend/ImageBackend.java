package io.berth.api.server.backend;

import io.berth.api.model.image.ImageDeleteItem;
import io.berth.api.model.image.ImageHistoryItem;
import io.berth.api.model.image.ImagePruneResponse;
import io.berth.api.model.image.ImageInspect;
import io.berth.api.model.image.ImageSummary;
import io.berth.common.filter.Filters;
import java.io.InputStream;
import java.util.List;

/** Everything the image routes need. */
public interface ImageBackend {
  List<ImageSummary> imageList(boolean all, Filters filters);

  ImageInspect imageInspect(String ref);

  void imageTag(String ref, String repo, String tag);

  /** {@code POST /images/prune}: unused images (untagged only, unless {@code dangling=false}). */
  ImagePruneResponse imagePrune(Filters filters);

  /** {@code GET /images/{name}/history}: newest step first. */
  List<ImageHistoryItem> imageHistory(String ref);

  List<ImageDeleteItem> imageDelete(String ref, boolean force, boolean noPrune);

  /** Imports a rootfs tar as a one-layer image; returns its id ({@code sha256:...}). */
  String imageImport(InputStream tar, ImportOptions options, ProgressListener progress);

  /**
   * Pulls {@code image} at {@code tag} (a tag or a digest; empty for {@code latest} or the
   * digest in {@code image}) for {@code platform} (empty for the daemon's).
   */
  void imagePull(String image, String tag, String platform, RegistryAuth auth, ProgressListener progress);

  /**
   * Pushes {@code name} at {@code tag} (every tag of the repository when empty). Progress and
   * errors after the first line go in-band.
   */
  void imagePush(String name, String tag, RegistryAuth auth, ProgressListener progress);

  /** {@code GET /images/get}: the images are found now, the tarball is written by the result. */
  ContainerBackend.Exporter imageSave(List<String> names);

  /**
   * {@code POST /images/load}: one line per image loaded ({@code Loaded image: busybox:latest});
   * {@code progress}, unless null ({@code quiet}), hears {@code Loading layer} counts.
   */
  void imageLoad(InputStream archive, ProgressListener progress, java.util.function.Consumer<String> loaded);

  /** Makes a local image without a registry ({@code busybox}, {@code debian:<suite>}). */
  String imageBootstrap(String name, ProgressListener progress);

  record ImportOptions(String repo, String tag, String message, List<String> changes) {}
}
