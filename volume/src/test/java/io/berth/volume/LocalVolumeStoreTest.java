package io.berth.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalVolumeStoreTest extends VolumeStoreContract {
  @Override
  protected VolumeStore open(Path dir) {
    return new LocalVolumeStore(dir.resolve("volumes"));
  }

  @Test
  void whatACrashLeftHalfMadeOrHalfRemoved_isClearedAtOpen() throws Exception {
    Path root = dir.resolve("volumes");
    Files.createDirectories(root.resolve(".tmp-1/_data"));
    Files.createDirectories(root.resolve(".trash-2/_data/deep"));
    Files.writeString(root.resolve(".trash-2/_data/deep/f"), "x");

    VolumeStore again = open(dir);

    assertThat(again.list()).isEmpty();
    try (var left = Files.list(root)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void layout_isDataBesideMetadata() throws Exception {
    Volume v = store.create("data", java.util.Map.of(), java.util.Map.of());

    assertThat(v.mountpoint()).isEqualTo(dir.resolve("volumes/data/_data"));
    assertThat(dir.resolve("volumes/data/volume.json")).isRegularFile();
  }
}
