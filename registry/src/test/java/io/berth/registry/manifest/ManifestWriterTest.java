package io.berth.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {
  @Test
  void schema2_isWrittenAsGoIndentsIt() {
    Digest c = new Digest("sha256", "a".repeat(64));
    Digest l = new Digest("sha256", "b".repeat(64));
    byte[] m = ManifestWriter.image(MediaTypes.DOCKER_MANIFEST, new Descriptor(MediaTypes.DOCKER_CONFIG, c, 1470),
        List.of(new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, l, 2152262)));
    assertThat(new String(m, StandardCharsets.UTF_8)).isEqualTo("""
        {
           "schemaVersion": 2,
           "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
           "config": {
              "mediaType": "application/vnd.docker.container.image.v1+json",
              "size": 1470,
              "digest": "sha256:%s"
           },
           "layers": [
              {
                 "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                 "size": 2152262,
                 "digest": "sha256:%s"
              }
           ]
        }""".formatted("a".repeat(64), "b".repeat(64)));
    assertThat(Manifests.parse(m, MediaTypes.DOCKER_MANIFEST, "x")).isInstanceOf(Manifest.Image.class);
  }

  @Test
  void goEscapesHtmlCharacters() {
    assertThat(ManifestWriter.quote("a<b>&\"")).isEqualTo("\"a\\u003cb\\u003e\\u0026\\\"\"");
  }
}
