package io.berth.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  static final String D1 = "sha256:" + "1".repeat(64);
  static final String D2 = "sha256:" + "2".repeat(64);
  static final String D3 = "sha256:" + "3".repeat(64);

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void schema2() {
    var m = (Manifest.Image) Manifests.parse(b("""
        {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
         "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7,"digest":"%s"},
         "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":9,"digest":"%s"}]}
        """.formatted(D1, D2)), "application/vnd.docker.distribution.manifest.v2+json", "x:1");
    assertThat(m.config().digest()).isEqualTo(D1);
    assertThat(m.layers()).extracting(Descriptor::size).containsExactly(9L);
  }

  @Test
  void ociWithoutMediaType_isKnownByItsShape() {
    var m = Manifests.parse(b("""
        {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":1,
         "digest":"%s","platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
         {"mediaType":"application/vnd.oci.image.manifest.v1+json","size":1,"digest":"%s",
         "platform":{"os":"unknown","architecture":"unknown"}},
         {"mediaType":"application/vnd.oci.image.manifest.v1+json","size":1,"digest":"%s",
         "platform":{"os":"linux","architecture":"amd64"}}]}""".formatted(D1, D2, D3)), "", "x");
    var index = (Manifest.Index) m;
    assertThat(Manifests.select(index, Platform.parse("linux/amd64")).digest()).isEqualTo(D3);
    assertThat(Manifests.select(index, Platform.parse("linux/arm64")).digest()).isEqualTo(D1);
    assertThatThrownBy(() -> Manifests.select(index, Platform.parse("linux/s390x")))
        .hasMessage("no matching manifest for linux/s390x in the manifest list entries");
  }

  @Test
  void schema1_isRefusedInDockersWords() {
    assertThatThrownBy(() -> Manifests.parse(b("{\"schemaVersion\":1,\"name\":\"x\"}"),
        "application/vnd.docker.distribution.manifest.v1+prettyjws", "docker.io/library/old:1"))
        .hasMessageStartingWith("Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed. Suggest the author of docker.io/library/old:1 to upgrade");
  }

  @Test
  void unknownLayerType_isRefused() {
    assertThatThrownBy(() -> Manifests.parse(b("""
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":7,"digest":"%s"},
         "layers":[{"mediaType":"application/x-weird","size":9,"digest":"%s"}]}""".formatted(D1, D2)), "", "x"))
        .hasMessage("unsupported media type application/x-weird");
  }

  @Test
  void platforms_normalise() {
    assertThat(Platform.parse("linux/x86_64")).isEqualTo(new Platform("linux", "amd64", null));
    assertThat(Platform.parse("linux/arm64/v8")).isEqualTo(new Platform("linux", "arm64", null));
    assertThat(Platform.parse("linux/arm/v7").toString()).isEqualTo("linux/arm/v7");
  }
}
