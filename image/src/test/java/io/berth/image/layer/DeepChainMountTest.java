package io.berth.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.Id;
import io.berth.common.Mount;
import io.berth.image.TarBuilder;
import io.berth.linux.Fs;
import io.berth.linux.OverlayMount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images deeper than one page of mount options (about 40 layers) still mount. */
@Tag("privileged")
class DeepChainMountTest {
  private static final String CONTAINER = Id.random();

  @TempDir Path root;

  /** A chain of {@code depth} layers: each adds its own file and overwrites {@code order}. */
  private ContainerLayers chain(int depth) throws IOException {
    LayerStore store = new LayerStore(root.resolve("layers"), root.resolve("tmp"));
    List<String> chainIds = new ArrayList<>();
    String parent = null;
    for (int i = 0; i < depth; i++) {
      byte[] tar =
          new TarBuilder()
              .file("layer-" + i, "layer " + i + "\n")
              .file("order", i + "\n")
              .build();
      LayerStore.Pending p = store.extract(new ByteArrayInputStream(tar));
      parent = store.commit(p, parent).chainId();
      chainIds.add(parent);
    }
    ContainerLayers.ImageLayers img = new ContainerLayers.ImageLayers("sha256:deep", chainIds);
    ContainerLayers.Images images =
        new ContainerLayers.Images() {
          @Override
          public ContainerLayers.ImageLayers resolve(String imageRef) {
            return img;
          }

          @Override
          public Set<String> chainIdsInUse() {
            return Set.copyOf(chainIds);
          }
        };
    return new ContainerLayers(
        root.resolve("containers"), root.resolve("tmp"), store, images, new ReentrantLock());
  }

  private static void mount(RwLayer rw) {
    Mount m = rw.mounts().getFirst();
    OverlayMount.mount(m.source(), rw.mergedDir(), m.options());
  }

  @Test
  void mount_120Layers_showsBottomAndTopFilesInOrder() throws IOException {
    RwLayer rw = chain(120).prepareRw(CONTAINER, "deep");
    Path merged = rw.mergedDir();
    assertThat(String.join(",", rw.mounts().getFirst().options()).length())
        .isGreaterThan(OverlayMount.MAX_DATA);

    mount(rw);
    try {
      assertThat(merged.resolve("layer-0")).hasContent("layer 0");
      assertThat(merged.resolve("layer-119")).hasContent("layer 119");
      assertThat(merged.resolve("order")).hasContent("119");
      Files.writeString(merged.resolve("new"), "written");
    } finally {
      Fs.umount(merged, Fs.MNT_DETACH);
    }
    assertThat(root.resolve("containers").resolve(CONTAINER).resolve("diff/new"))
        .hasContent("written");
  }

  @Test
  void mount_shortChain_passesTheLayerPathsUnchanged() throws IOException {
    ContainerLayers layers = chain(2);
    RwLayer rw = layers.prepareRw(CONTAINER, "deep");
    String lower = rw.mounts().getFirst().options().getFirst();

    mount(rw);
    try {
      assertThat(rw.mergedDir().resolve("order")).hasContent("1");
      assertThat(Files.readString(Path.of("/proc/self/mounts"))).contains(lower + ",");
    } finally {
      Fs.umount(rw.mergedDir(), Fs.MNT_DETACH);
    }
  }
}
