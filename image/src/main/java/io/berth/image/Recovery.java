package io.berth.image;

import io.berth.common.io.MoreFiles;
import io.berth.image.layer.ContainerLayers;
import io.berth.image.layer.LayerStore;
import io.berth.image.layer.MountTable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Startup repair after a crash; see {@link ImagePaths} for what each step relies on. */
final class Recovery {
  private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

  private Recovery() {}

  /** Empties tmp, first unmounting whatever an interrupted bootstrap left mounted there. */
  static void clearTmp(Path tmp) throws IOException {
    Files.createDirectories(tmp);
    MountTable.unmountUnder(tmp);
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
      for (Path p : ds) {
        MoreFiles.deleteRecursively(p);
      }
    }
  }

  static void run(
      LayerStore layers, ImageStore images, ReferenceStore refs, ContainerLayers containers)
      throws IOException {
    layers.removeIncomplete();
    containers.removeIncomplete();
    images.load();
    refs.load(id -> images.get(id).isPresent());
    Set<String> used = new HashSet<>(containers.referencedChainIds());
    images.all().forEach(img -> used.addAll(img.chainIds()));
    for (String chainId : layers.list()) {
      if (!used.contains(chainId)) {
        LOG.log(System.Logger.Level.INFO, "removing unused layer " + chainId);
        layers.delete(chainId);
      }
    }
  }
}
