package io.berth.image.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.error.InvalidParameterException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianRootfsTest {
  @TempDir Path dir;

  @Test
  void mirrorFrom_deb822Sources_firstUri() throws IOException {
    Path sources =
        Files.writeString(
            dir.resolve("debian.sources"),
            """
            Types: deb
            # a comment
            URIs: http://mirror.example/debian http://other.example/debian
            Suites: bookworm
            """);

    assertThat(DebianRootfs.mirrorFrom(sources, dir.resolve("none")))
        .contains("http://mirror.example/debian");
  }

  @Test
  void mirrorFrom_sourcesListWithOptions_firstDebUrl() throws IOException {
    Path list =
        Files.writeString(
            dir.resolve("sources.list"),
            """
            # deb http://commented.example/debian bookworm main
            deb-src http://src.example/debian bookworm main
            deb [arch=amd64 signed-by=/k.gpg] http://list.example/debian bookworm main
            """);

    assertThat(DebianRootfs.mirrorFrom(dir.resolve("none"), list))
        .contains("http://list.example/debian");
  }

  @Test
  void mirrorFrom_noSources_isEmpty() {
    assertThat(DebianRootfs.mirrorFrom(dir.resolve("a"), dir.resolve("b"))).isEmpty();
  }

  @Test
  void debianRootfs_invalidSuite_isRejectedBeforeRunningAnything() {
    Assertions.assertThatThrownBy(
            () ->
                new Bootstrap()
                    .debianRootfs(
                        "../etc", null, dir.resolve("w"), OutputStream.nullOutputStream(), l -> {}))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(dir.resolve("w")).doesNotExist();
  }
}
