package io.berth.daemon.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.image.ImageInspect;
import io.berth.api.model.image.ImageSummary;
import io.berth.common.filter.Filters;
import io.berth.daemon.Configs;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.image.ImageRecord;
import io.berth.image.ImageService;
import io.berth.image.ImportOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAdapterTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rfc3339Nano_trimsTheFractionAsGoDoes() {
    assertThat(ImageAdapter.rfc3339Nano(Instant.parse("2024-05-06T07:08:09Z")))
        .isEqualTo("2024-05-06T07:08:09Z");
    assertThat(ImageAdapter.rfc3339Nano(Instant.parse("2024-05-06T07:08:09.120Z")))
        .isEqualTo("2024-05-06T07:08:09.12Z");
    assertThat(ImageAdapter.rfc3339Nano(Instant.parse("2024-05-06T07:08:09.123456789Z")))
        .isEqualTo("2024-05-06T07:08:09.123456789Z");
  }

  @Test
  void legacy_configOfLegacyBuilder_showsItsContainerAndConfig() {
    var l = ImageAdapter.Legacy.of(bytes("{\"architecture\":\"arm\",\"variant\":\"v7\","
        + "\"os\":\"linux\",\"container\":\"4f5a0b\",\"docker_version\":\"20.10.7\","
        + "\"container_config\":{\"Hostname\":\"4f5a0b\",\"Cmd\":[\"/bin/sh\",\"-c\",\"#(nop) CMD\"],"
        + "\"Image\":\"sha256:1\"}}"));

    assertThat(l.container()).isEqualTo("4f5a0b");
    assertThat(l.dockerVersion()).isEqualTo("20.10.7");
    assertThat(l.variant()).isEqualTo("v7");
    assertThat(l.containerConfig().hostname()).isEqualTo("4f5a0b");
    assertThat(l.containerConfig().cmd()).containsExactly("/bin/sh", "-c", "#(nop) CMD");
  }

  @Test
  void legacy_modernConfig_hasZeroContainerConfigAndNoContainer() {
    var l = ImageAdapter.Legacy.of(bytes("{\"architecture\":\"amd64\",\"os\":\"linux\"}"));

    assertThat(l.container()).isEmpty();
    assertThat(l.dockerVersion()).isEmpty();
    assertThat(l.containerConfig()).isEqualTo(ContainerConfig.empty());
  }

  @Test
  void legacy_containerConfigOfWrongType_isZeroConfig() {
    var l = ImageAdapter.Legacy.of(bytes("{\"container_config\":{\"Cmd\":{\"a\":1}}}"));

    assertThat(l.containerConfig()).isEqualTo(ContainerConfig.empty());
  }

  private static byte[] tar() throws IOException {
    var out = new ByteArrayOutputStream();
    try (var t = new TarArchiveOutputStream(out)) {
      byte[] data = bytes("hi\n");
      var e = new TarArchiveEntry("hello.txt");
      e.setSize(data.length);
      t.putArchiveEntry(e);
      t.write(data);
      t.closeArchiveEntry();
    }
    return out.toByteArray();
  }

  @Test
  @Tag("privileged")
  void imageListAndInspect_fullRecords(@TempDir Path root) throws IOException {
    var images = new ImageService(root.resolve("image"));
    var store = new ContainerStore(root.resolve("containers"));
    ImageRecord img = images.importImage(new ByteArrayInputStream(tar()),
        new ImportOptions("mine:1", List.of("CMD [\"sh\"]"), null, Instant.parse("2024-05-06T07:08:09Z")));
    String id = "c".repeat(64);
    Files.createDirectories(store.dirFor(id));
    var c = Configs.container(id, "web", store.dirFor(id), new ContainerState.Created(0, ""));
    store.add(new Container(c.id(), c.name(), c.created(), img.id(), c.path(), c.args(), c.config(),
        c.hostConfig(), c.state(), c.dir()));
    var adapter = new ImageAdapter(images, store, null, null);

    ImageSummary row = adapter.imageList(false, Filters.parse("")).getFirst();
    ImageInspect inspect = adapter.imageInspect("mine:1");

    assertThat(row.containers()).isEqualTo(1);
    assertThat(row.virtualSize()).isEqualTo(row.size());
    assertThat(inspect.created()).isEqualTo("2024-05-06T07:08:09Z");
    assertThat(inspect.container()).isNull();
    assertThat(inspect.containerConfig()).isEqualTo(ContainerConfig.empty());
    assertThat(inspect.config().cmd()).containsExactly("sh");
    assertThat(inspect.config().env()).isNull();
    assertThat(inspect.config().user()).isEmpty();
  }
}
