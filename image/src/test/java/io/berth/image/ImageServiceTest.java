package io.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.Digest;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("privileged")
class ImageServiceTest {
  private static final Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456789Z");

  @TempDir Path root;
  ImageService images;

  @BeforeEach
  void setUp() {
    images = new ImageService(root);
  }

  static byte[] smallTar() {
    return new TarBuilder()
        .dir("bin", 0755)
        .file("bin/hello", "#!/bin/sh\necho hello\n", 0755, 0, 0)
        .dir("etc", 0755)
        .file("etc/os-release", "ID=test\n")
        .build();
  }

  private ImageRecord importTar(byte[] tar, String tag, String... changes) {
    return images.importImage(
        new ByteArrayInputStream(tar), new ImportOptions(tag, List.of(changes), null, CREATED));
  }

  private long layerDirs() throws IOException {
    try (Stream<Path> s = Files.list(root.resolve("layers"))) {
      return s.count();
    }
  }

  @Test
  void importImage_plainTar_createsTaggedOneLayerImage() throws IOException {
    byte[] tar = smallTar();

    ImageRecord img = importTar(tar, "test:1", "CMD [\"sh\"]");

    String diffId = Digest.sha256(tar).toString();
    assertThat(img.id()).isEqualTo(Digest.sha256(img.rawConfig()).toString());
    assertThat(img.repoTags()).containsExactly("test:1");
    assertThat(img.diffIds()).containsExactly(diffId);
    assertThat(img.config().cmd()).containsExactly("sh");
    assertThat(img.config().env()).isNull();
    assertThat(img.architecture()).isEqualTo("amd64");
    assertThat(img.os()).isEqualTo("linux");
    assertThat(img.created()).isEqualTo(CREATED);
    assertThat(img.comment()).isEqualTo("Imported from -");
    assertThat(img.size()).isEqualTo(21 + 8);
    Path diff = root.resolve("layers").resolve(Digest.parse(diffId).hex()).resolve("diff");
    assertThat(diff.resolve("bin/hello")).hasContent("#!/bin/sh\necho hello");
    assertThat(root.resolve("blobs/sha256").resolve(Digest.parse(img.id()).hex()))
        .hasBinaryContent(img.rawConfig());
  }

  @Test
  void history_importedImage_oneStepWithItsLayersSize() {
    importTar(smallTar(), "test:1");

    List<HistoryEntry> h = images.history("test:1");

    assertThat(h).hasSize(1);
    assertThat(h.getFirst().comment()).isEqualTo("Imported from -");
    assertThat(h.getFirst().createdBy()).isEmpty();
    assertThat(h.getFirst().created()).isEqualTo(CREATED);
    assertThat(h.getFirst().size()).isPositive();
  }

  @Test
  void importImage_config_isDockerShapedJson() {
    ImageRecord img = importTar(smallTar(), null);

    JsonNode c = Json.tree(img.rawConfig());
    assertThat(c.get("architecture").asText()).isEqualTo("amd64");
    assertThat(c.get("os").asText()).isEqualTo("linux");
    assertThat(c.get("created").asText()).isEqualTo("2024-05-06T07:08:09.123456789Z");
    assertThat(c.get("rootfs").get("type").asText()).isEqualTo("layers");
    assertThat(c.get("rootfs").get("diff_ids").get(0).asText()).isEqualTo(img.diffIds().get(0));
    assertThat(c.get("history").get(0).get("comment").asText()).isEqualTo("Imported from -");
    assertThat(c.get("config").isObject()).isTrue();
  }

  @Test
  void importImage_gzipInput_hasDiffIdOfUncompressedTar() throws IOException {
    byte[] tar = smallTar();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tar);
    }

    ImageRecord img = importTar(gz.toByteArray(), null);

    assertThat(img.diffIds()).containsExactly(Digest.sha256(tar).toString());
  }

  @Test
  void importImage_xzInput_isDecompressedByHostTool() throws Exception {
    byte[] tar = smallTar();
    Process xz = new ProcessBuilder("xz", "-c").start();
    try (var in = xz.getOutputStream()) {
      in.write(tar);
    }
    byte[] compressed = xz.getInputStream().readAllBytes();
    assertThat(xz.waitFor()).isZero();

    ImageRecord img = importTar(compressed, null);

    assertThat(img.diffIds()).containsExactly(Digest.sha256(tar).toString());
  }

  @Test
  void importImage_sameTarTwice_sharesOneLayerDirectory() throws IOException {
    ImageRecord a = importTar(smallTar(), "a");
    ImageRecord b = importTar(smallTar(), "b", "CMD [\"other\"]");

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.diffIds()).isEqualTo(b.diffIds());
    assertThat(layerDirs()).isEqualTo(1);
    try (Stream<Path> s = Files.list(root.resolve("tmp"))) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void importImage_invalidChange_failsBeforeReadingTheStream() {
    InputStream never =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("stream must not be read");
          }
        };

    assertThatThrownBy(
            () -> images.importImage(never, new ImportOptions(null, List.of("RUN x"), null, null)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("RUN is not a valid change command");
  }

  @Test
  void importImage_maliciousTar_leavesNoLayerOrTempFiles() throws IOException {
    byte[] evil = new TarBuilder().file("ok", "x").file("../escape", "x").build();

    assertThatThrownBy(() -> importTar(evil, "evil")).isInstanceOf(InvalidParameterException.class);

    assertThat(layerDirs()).isZero();
    try (Stream<Path> s = Files.list(root.resolve("tmp"))) {
      assertThat(s).isEmpty();
    }
    assertThat(images.list()).isEmpty();
  }

  @Test
  void inspect_byNameIdAndPrefix_findsTheImage() {
    ImageRecord img = importTar(smallTar(), "docker.io/library/busybox");
    String hex = Digest.parse(img.id()).hex();

    assertThat(img.repoTags()).containsExactly("busybox:latest");
    for (String ref :
        List.of(
            "busybox",
            "busybox:latest",
            "library/busybox",
            "docker.io/library/busybox:latest",
            img.id(),
            hex,
            hex.substring(0, 12),
            "sha256:" + hex.substring(0, 5))) {
      assertThat(images.inspect(ref).id()).as(ref).isEqualTo(img.id());
    }
  }

  @Test
  void inspect_unknownName_isNoSuchImageWithDefaultTag() {
    assertThatThrownBy(() -> images.inspect("nosuch"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No such image: nosuch:latest");
  }

  @Test
  void inspect_unknownFullId_isNoSuchImage() {
    String id = "sha256:" + "0".repeat(64);

    assertThatThrownBy(() -> images.inspect(id))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No such image: " + id);
  }

  @Test
  void inspect_ambiguousPrefix_isNotFound() {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(importTar(smallTar(), null, "LABEL n=" + i).id());
    }
    String common =
        ids.stream()
            .map(id -> id.substring(7, 8))
            .filter(p -> ids.stream().filter(id -> id.startsWith("sha256:" + p)).count() > 1)
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(() -> images.inspect(common)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void inspect_invalidName_isInvalidParameter() {
    assertThatThrownBy(() -> images.inspect("UPPER"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("must be lowercase");
  }

  @Test
  void tag_existingImage_addsFamiliarTagAndMovesIt() {
    ImageRecord a = importTar(smallTar(), "app:v1");
    ImageRecord b = importTar(smallTar(), null, "CMD [\"b\"]");

    images.tag(a.id(), "docker.io/library/app", "v2");
    images.tag("app:v1", "localhost:5000/team/app", null);
    images.tag(b.id(), "app", "v1");

    assertThat(images.inspect(a.id()).repoTags())
        .containsExactly("app:v2", "localhost:5000/team/app:latest");
    assertThat(images.inspect("app:v1").id()).isEqualTo(b.id());
  }

  @Test
  void tag_invalidRepo_isInvalidReferenceFormat() {
    ImageRecord a = importTar(smallTar(), null);

    assertThatThrownBy(() -> images.tag(a.id(), "Bad", null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("invalid reference format: repository name (library/Bad) must be lowercase");
    assertThatThrownBy(() -> images.tag(a.id(), "ok", "bad tag"))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> images.tag(a.id(), "sha256", "x"))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void tag_unknownSource_isNotFound() {
    assertThatThrownBy(() -> images.tag("missing", "x", null))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void list_twoImages_newestFirstWithTags() {
    ImageRecord old =
        images.importImage(
            new ByteArrayInputStream(smallTar()),
            new ImportOptions("old", List.of(), "m", Instant.parse("2020-01-01T00:00:00Z")));
    ImageRecord young = importTar(smallTar(), "young");

    assertThat(images.list()).extracting(ImageRecord::id).containsExactly(young.id(), old.id());
    assertThat(images.list().get(1).comment()).isEqualTo("m");
  }

  @Test
  void restart_reloadsImagesTagsAndLayers() {
    ImageRecord img = importTar(smallTar(), "keep:me", "ENV A=b");

    ImageService reopened = new ImageService(root);

    ImageRecord again = reopened.inspect("keep:me");
    assertThat(again.id()).isEqualTo(img.id());
    assertThat(again.config().env()).containsExactly("A=b");
    assertThat(again.size()).isEqualTo(img.size());
  }

  @Test
  void restart_afterCrashDebris_removesGarbageAndStarts() throws IOException {
    ImageRecord img = importTar(smallTar(), "keep");
    Files.createDirectories(root.resolve("tmp/layer-123/diff/x"));
    Files.createDirectories(root.resolve("layers/" + "f".repeat(64) + "/diff"));
    Files.createDirectories(root.resolve("containers/halfmade/diff"));
    Files.writeString(root.resolve("images/" + "e".repeat(64) + ".json"), "{}");
    Files.writeString(
        root.resolve("repositories.json"),
        "{\"keep:latest\":\""
            + img.id()
            + "\",\"ghost:latest\":\"sha256:"
            + "e".repeat(64)
            + "\"}");

    ImageService reopened = new ImageService(root);

    assertThat(reopened.list()).extracting(ImageRecord::id).containsExactly(img.id());
    assertThat(reopened.inspect("keep").repoTags()).containsExactly("keep:latest");
    assertThat(root.resolve("tmp")).isEmptyDirectory();
    assertThat(root.resolve("layers/" + "f".repeat(64))).doesNotExist();
    assertThat(root.resolve("containers/halfmade")).doesNotExist();
    assertThat(root.resolve("images/" + "e".repeat(64) + ".json")).doesNotExist();
  }

  @Test
  void restart_withCorruptRepositories_startsWithoutTags() throws IOException {
    ImageRecord img = importTar(smallTar(), "keep");
    Files.writeString(root.resolve("repositories.json"), "{not json");

    ImageService reopened = new ImageService(root);

    assertThat(reopened.inspect(img.id()).repoTags()).isEmpty();
    assertThat(root.resolve("repositories.json.corrupt")).exists();
  }
}
