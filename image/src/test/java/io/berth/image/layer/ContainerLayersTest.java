package io.berth.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.Digest;
import io.berth.common.Id;
import io.berth.common.Mount;
import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.image.ContainerUsage;
import io.berth.image.ImageRecord;
import io.berth.image.ImageService;
import io.berth.image.ImageUser;
import io.berth.image.ImportOptions;
import io.berth.image.TarBuilder;
import io.berth.linux.Fs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("privileged")
class ContainerLayersTest {
  private static final String CONTAINER = Id.random();

  @TempDir Path root;
  ImageService images;
  ImageRecord img;
  Path layerDiff;

  @BeforeEach
  void setUp() {
    images = new ImageService(root);
    img = importTar("base", "CMD [\"sh\"]");
    layerDiff = root.resolve("layers").resolve(Digest.parse(img.diffIds().getFirst()).hex());
    layerDiff = layerDiff.resolve("diff");
  }

  /** Never leave a mount behind, whatever a test did. */
  @AfterEach
  void unmountAll() throws IOException {
    MountTable.unmountUnder(root);
  }

  private ImageRecord importTar(String tag, String... changes) {
    byte[] tar =
        new TarBuilder()
            .dir("etc", 0755)
            .file("etc/os-release", "ID=test\n")
            .file("hello", "hello from the image\n")
            .build();
    return images.importImage(
        new ByteArrayInputStream(tar), new ImportOptions(tag, List.of(changes), null, null));
  }

  /**
   * Performs the described mount with mount(8): {@code Fs.mount} currently fails for non-null
   * arguments (its conditional arguments make {@code invokeExact} see Object parameters).
   */
  private static void mount(RwLayer rw) throws IOException, InterruptedException {
    Mount m = rw.mounts().getFirst();
    Process p =
        new ProcessBuilder(
                "mount",
                "-t",
                m.type(),
                m.source(),
                "-o",
                String.join(",", m.options()),
                rw.mergedDir().toString())
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
  }

  @Test
  void prepareRw_image_describesOneOverlayMountOnTheLayerDiff() {
    RwLayer rw = images.layers().prepareRw(CONTAINER, "base");

    Path dir = root.resolve("containers").resolve(CONTAINER);
    assertThat(rw.imageId()).isEqualTo(img.id());
    assertThat(rw.mergedDir()).isEqualTo(dir.resolve("merged")).isDirectory();
    assertThat(rw.mounts())
        .containsExactly(
            new Mount(
                "overlay",
                "overlay",
                List.of(
                    "lowerdir=" + layerDiff,
                    "upperdir=" + dir.resolve("diff"),
                    "workdir=" + dir.resolve("work"))));
    assertThat(dir.resolve("diff")).isEmptyDirectory();
    assertThat(dir.resolve("work")).isDirectory();
  }

  @Test
  void prepareRw_mounted_showsImageFilesAndKeepsWritesInUpperDir() throws Exception {
    RwLayer rw = images.layers().prepareRw(CONTAINER, img.id());
    Path upper = root.resolve("containers").resolve(CONTAINER).resolve("diff");

    mount(rw);
    try {
      Path merged = rw.mergedDir();
      assertThat(merged.resolve("hello")).hasContent("hello from the image");
      Files.writeString(merged.resolve("new"), "written");
      Files.delete(merged.resolve("etc/os-release"));
    } finally {
      Fs.umount(rw.mergedDir(), 0);
    }

    assertThat(upper.resolve("new")).hasContent("written");
    int mode =
        (Integer)
            Files.getAttribute(
                upper.resolve("etc/os-release"), "unix:mode", LinkOption.NOFOLLOW_LINKS);
    assertThat(mode & 0170000).isEqualTo(Fs.S_IFCHR);
    assertThat(layerDiff.resolve("etc/os-release")).exists();
    assertThat(layerDiff.resolve("new")).doesNotExist();
  }

  @Test
  void prepareRw_twiceForSameImage_returnsTheSameLayer() {
    RwLayer first = images.layers().prepareRw(CONTAINER, "base");

    assertThat(images.layers().prepareRw(CONTAINER, img.id())).isEqualTo(first);
  }

  @Test
  void prepareRw_existingContainerOtherImage_isConflict() {
    ImageRecord other = importTar("other", "CMD [\"other\"]");
    images.layers().prepareRw(CONTAINER, "base");

    assertThatThrownBy(() -> images.layers().prepareRw(CONTAINER, other.id()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void prepareRw_unknownImage_isNotFound() {
    assertThatThrownBy(() -> images.layers().prepareRw(CONTAINER, "missing"))
        .isInstanceOf(NotFoundException.class);
    assertThat(root.resolve("containers")).isEmptyDirectory();
  }

  @Test
  void prepareRw_pathLikeContainerId_isRejected() {
    assertThatThrownBy(() -> images.layers().prepareRw("../evil", "base"))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void rw_afterRestart_rebuildsTheSameMounts() {
    RwLayer rw = images.layers().prepareRw(CONTAINER, "base");

    ImageService reopened = new ImageService(root);

    assertThat(reopened.layers().rw(CONTAINER)).contains(rw);
    assertThat(reopened.layers().rw(Id.random())).isEmpty();
  }

  @Test
  void removeRw_whileMounted_isConflictAndKeepsFiles() throws Exception {
    RwLayer rw = images.layers().prepareRw(CONTAINER, "base");
    mount(rw);
    try {
      assertThatThrownBy(() -> images.layers().removeRw(CONTAINER))
          .isInstanceOf(ConflictException.class);
      assertThat(rw.mergedDir().resolve("hello")).exists();
    } finally {
      Fs.umount(rw.mergedDir(), 0);
    }
  }

  @Test
  void removeRw_unmounted_deletesContainerDirectoryButKeepsImageLayer() {
    images.layers().prepareRw(CONTAINER, "base");

    images.layers().removeRw(CONTAINER);

    assertThat(root.resolve("containers").resolve(CONTAINER)).doesNotExist();
    assertThat(images.layers().rw(CONTAINER)).isEmpty();
    assertThat(layerDiff).isDirectory();
  }

  @Test
  void restart_containerOfDeletedImage_keepsItsLayers() {
    images.layers().prepareRw(CONTAINER, "base");
    ContainerUsage stopped = id -> List.of(new ImageUser(CONTAINER, false));
    images.remove("base", true, false, stopped);

    ImageService reopened = new ImageService(root);

    assertThat(reopened.list()).isEmpty();
    assertThat(layerDiff.resolve("hello")).exists();
    assertThat(reopened.layers().rw(CONTAINER)).isPresent();
  }
}
