package io.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.Digest;
import io.berth.common.Id;
import io.berth.common.error.ConflictException;
import io.berth.common.error.NotFoundException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("privileged")
class ImageRemoveTest {
  private static final String CONTAINER = Id.random();

  @TempDir Path root;
  ImageService images;
  ImageRecord img;
  String shortId;
  Path layerDir;

  @BeforeEach
  void setUp() {
    images = new ImageService(root);
    img = importTar("app:v1");
    shortId = Id.shortId(img.id());
    layerDir = root.resolve("layers").resolve(Digest.parse(img.diffIds().getFirst()).hex());
  }

  private ImageRecord importTar(String tag) {
    return images.importImage(
        new ByteArrayInputStream(ImageServiceTest.smallTar()),
        new ImportOptions(tag, List.of(), null, null));
  }

  private static ContainerUsage used(boolean running) {
    return id -> List.of(new ImageUser(CONTAINER, running));
  }

  private static DeleteItem untagged(String ref) {
    return DeleteItem.untagged(ref);
  }

  private static DeleteItem deleted(String id) {
    return DeleteItem.deleted(id);
  }

  @Test
  void remove_tagWhileOtherTagsRemain_onlyUntags() {
    images.tag("app:v1", "app", "v2");

    List<DeleteItem> r = images.remove("app:v1", false, false, ContainerUsage.NONE);

    assertThat(r).containsExactly(untagged("app:v1"));
    assertThat(images.inspect(img.id()).repoTags()).containsExactly("app:v2");
  }

  @Test
  void remove_lastTag_deletesImageAndItsLayer() {
    List<DeleteItem> r = images.remove("app:v1", false, false, null);

    assertThat(r)
        .containsExactly(untagged("app:v1"), deleted(img.id()), deleted(img.diffIds().getFirst()));
    assertThat(images.list()).isEmpty();
    assertThat(layerDir).doesNotExist();
    assertThat(root.resolve("blobs/sha256").resolve(Digest.parse(img.id()).hex())).doesNotExist();
  }

  @Test
  void remove_imageSharingLayerWithAnother_keepsSharedLayer() {
    images.importImage(
        new ByteArrayInputStream(ImageServiceTest.smallTar()),
        new ImportOptions("other", List.of("CMD [\"x\"]"), null, null));

    List<DeleteItem> r = images.remove("app:v1", false, false, null);

    assertThat(r).containsExactly(untagged("app:v1"), deleted(img.id()));
    assertThat(layerDir).exists();
  }

  @Test
  void remove_byIdWithSeveralTags_mustBeForced() {
    images.tag("app:v1", "other", null);

    assertThatThrownBy(() -> images.remove(img.id(), false, false, null))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "conflict: unable to delete "
                + shortId
                + " (must be forced) - image is referenced in multiple repositories");
    assertThat(images.inspect(img.id()).repoTags()).hasSize(2);
  }

  @Test
  void remove_byIdWithSeveralTagsForced_untagsAllAndDeletes() {
    images.tag("app:v1", "other", null);

    List<DeleteItem> r = images.remove(shortId, true, false, null);

    assertThat(r)
        .containsExactly(
            untagged("app:v1"),
            untagged("other:latest"),
            deleted(img.id()),
            deleted(img.diffIds().getFirst()));
  }

  @Test
  void remove_byIdWithOneTag_untagsAndDeletes() {
    List<DeleteItem> r = images.remove(Digest.parse(img.id()).hex(), false, false, null);

    assertThat(r).startsWith(untagged("app:v1"), deleted(img.id()));
  }

  @Test
  void remove_byIdUsedByStoppedContainer_mustBeForced() {
    assertThatThrownBy(() -> images.remove(img.id(), false, false, used(false)))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "conflict: unable to delete "
                + shortId
                + " (must be forced) - image is being used by stopped container "
                + CONTAINER.substring(0, 12));
  }

  @Test
  void remove_byIdUsedByRunningContainerForced_cannotBeForced() {
    assertThatThrownBy(() -> images.remove(img.id(), true, false, used(true)))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "conflict: unable to delete "
                + shortId
                + " (cannot be forced) - image is being used by running container "
                + CONTAINER.substring(0, 12));
    assertThat(images.inspect("app:v1").id()).isEqualTo(img.id());
  }

  @Test
  void remove_lastTagOfUsedImage_mustForceRepositoryReference() {
    assertThatThrownBy(() -> images.remove("app:v1", false, false, used(false)))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "conflict: unable to remove repository reference \"app:v1\" (must force) - container "
                + CONTAINER.substring(0, 12)
                + " is using its referenced image "
                + shortId);
  }

  @Test
  void remove_lastTagOfRunningContainersImageForced_onlyUntags() {
    List<DeleteItem> r = images.remove("app:v1", true, false, used(true));

    assertThat(r).containsExactly(untagged("app:v1"));
    assertThat(images.inspect(img.id()).repoTags()).isEmpty();
  }

  @Test
  void remove_lastTagOfStoppedContainersImageForced_deletesImageKeepsContainerLayers() {
    images.layers().prepareRw(CONTAINER, img.id());

    List<DeleteItem> r = images.remove("app:v1", true, false, used(false));

    assertThat(r).containsExactly(untagged("app:v1"), deleted(img.id()));
    assertThat(layerDir).exists();
    assertThat(images.layers().rw(CONTAINER)).isPresent();

    images.layers().removeRw(CONTAINER);

    assertThat(layerDir).doesNotExist();
  }

  @Test
  void remove_tagWithOtherTagsWhileContainerUsesImage_untagsWithoutConflict() {
    images.tag("app:v1", "app", "v2");

    assertThat(images.remove("app:v2", false, false, used(false)))
        .containsExactly(untagged("app:v2"));
  }

  @Test
  void remove_unknownImage_isNotFound() {
    assertThatThrownBy(() -> images.remove("nope:1", false, false, null))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No such image: nope:1");
  }
}
