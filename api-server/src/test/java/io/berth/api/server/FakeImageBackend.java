package io.berth.api.server;

import io.berth.api.model.image.ImageDeleteItem;
import io.berth.api.model.image.ImageInspect;
import io.berth.api.model.image.ImageSummary;
import io.berth.api.server.backend.ImageBackend;
import io.berth.api.server.backend.ProgressListener;
import io.berth.common.error.NotFoundException;
import io.berth.common.filter.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** An image backend whose import is scripted by {@link #importer}. */
public final class FakeImageBackend implements ImageBackend {
  /** Runs an import: gets the body and the progress listener, returns the image id. */
  @FunctionalInterface
  public interface Importer {
    String run(byte[] tar, ProgressListener progress);
  }

  public Importer importer = (tar, progress) -> "sha256:" + "a".repeat(64);
  public ImportOptions importOptions;
  public byte[] importedBytes;
  public Filters listFilters;
  public List<ImageSummary> summaries = List.of();
  /** What inspect answers; null means "no such image". */
  public ImageInspect inspected;

  @Override
  public List<ImageSummary> imageList(boolean all, Filters filters) {
    listFilters = filters;
    return summaries;
  }

  @Override
  public ImageInspect imageInspect(String ref) {
    if (inspected == null) {
      throw new NotFoundException("No such image: " + ref);
    }
    return inspected;
  }

  @Override
  public void imageTag(String ref, String repo, String tag) {}

  @Override
  public List<ImageDeleteItem> imageDelete(String ref, boolean force, boolean noPrune) {
    return List.of();
  }

  @Override
  public String imageImport(InputStream tar, ImportOptions options, ProgressListener progress) {
    importOptions = options;
    try {
      importedBytes = tar.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return importer.run(importedBytes, progress);
  }

  public io.berth.api.server.backend.RegistryAuth lastPullAuth;

  @Override
  public io.berth.api.server.backend.ContainerBackend.Exporter imageSave(List<String> names) {
    return out -> {
      out.write(String.join(",", names).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (names.contains("broken")) {
        out.flush();
        throw new java.io.IOException("layer does not rebuild");
      }
    };
  }

  @Override
  public void imageLoad(InputStream archive, io.berth.api.server.backend.ProgressListener progress,
      java.util.function.Consumer<String> loaded) {
    loaded.accept("Loaded image: busybox:latest");
  }

  @Override
  public void imagePush(String name, String tag, io.berth.api.server.backend.RegistryAuth auth,
      ProgressListener progress) {
    progress.status(null, "The push refers to repository [" + name + "]");
    throw new io.berth.common.error.NotFoundException("An image does not exist locally with the tag: " + name);
  }

  @Override
  public void imagePull(String image, String tag, String platform, io.berth.api.server.backend.RegistryAuth auth,
      ProgressListener progress) {
    lastPullAuth = auth;
    throw new NotFoundException(
        "pull access denied for " + image + ", repository does not exist or may require 'docker login'");
  }

  @Override
  public String imageBootstrap(String name, ProgressListener progress) {
    progress.status(null, "bootstrapping " + name);
    return "sha256:" + "b".repeat(64);
  }

  @Override
  public java.util.List<io.berth.api.model.image.ImageHistoryItem> imageHistory(String ref) {
    return java.util.List.of(new io.berth.api.model.image.ImageHistoryItem("sha256:" + "a".repeat(64), 1, "",
        java.util.List.of(ref), 5, "Imported from -"));
  }

  @Override
  public io.berth.api.model.image.ImagePruneResponse imagePrune(io.berth.common.filter.Filters filters) {
    return new io.berth.api.model.image.ImagePruneResponse(null, 0);
  }
}
