package io.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyArchiveTest {
  @TempDir Path tmp;

  /** A tar of entries: "name" a directory when it ends in "/", "name=text" a file, "name->target" a link, "name=>target" a hard link. */
  private static ByteArrayInputStream tar(String... entries) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new TarArchiveOutputStream(bytes)) {
      for (String spec : entries) {
        TarArchiveEntry e;
        byte[] body = new byte[0];
        if (spec.contains("=>")) {
          e = new TarArchiveEntry(spec.substring(0, spec.indexOf("=>")), TarArchiveEntry.LF_LINK);
          e.setLinkName(spec.substring(spec.indexOf("=>") + 2));
        } else if (spec.contains("->")) {
          e = new TarArchiveEntry(spec.substring(0, spec.indexOf("->")), TarArchiveEntry.LF_SYMLINK);
          e.setLinkName(spec.substring(spec.indexOf("->") + 2));
        } else if (spec.contains("=")) {
          body = spec.substring(spec.indexOf('=') + 1).getBytes(StandardCharsets.UTF_8);
          e = new TarArchiveEntry(spec.substring(0, spec.indexOf('=')));
          e.setSize(body.length);
          e.setMode(0100640);
        } else {
          e = new TarArchiveEntry(spec);
          e.setMode(040750);
        }
        out.putArchiveEntry(e);
        out.write(body);
        out.closeArchiveEntry();
      }
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }

  @Test
  void untar_keepsTreeModesAndAbsoluteLinks() throws Exception {
    Path dst = Files.createDirectory(tmp.resolve("dst"));
    CopyArchive.untar(tar("d/", "d/f=hi", "d/abs->/etc/passwd", "d/h=>d/f"), dst);
    assertThat(Files.readString(dst.resolve("d/f"))).isEqualTo("hi");
    assertThat(Files.readSymbolicLink(dst.resolve("d/abs"))).isEqualTo(Path.of("/etc/passwd"));
    assertThat(Files.getAttribute(dst.resolve("d/h"), "unix:nlink")).isEqualTo(2);
    assertThat(Files.getPosixFilePermissions(dst.resolve("d/f"))).hasSize(3);
    assertThat(Files.getAttribute(dst.resolve("d"), "unix:mode")).isEqualTo(040750);
  }

  @Test
  void untar_neverWritesOutside() throws Exception {
    Path dst = Files.createDirectory(tmp.resolve("dst"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    assertThatThrownBy(() -> CopyArchive.untar(tar("../outside/x=evil"), dst))
        .isInstanceOf(CopyArchive.Failure.class).hasMessageContaining("invalid archive path");
    // a link made by the archive is never written through
    assertThatThrownBy(() -> CopyArchive.untar(tar("l->" + outside, "l/x=evil"), dst))
        .isInstanceOf(CopyArchive.Failure.class).hasMessageContaining("is a link");
    assertThatThrownBy(() -> CopyArchive.untar(tar("r->../../outside"), Files.createDirectory(tmp.resolve("dst2"))))
        .isInstanceOf(CopyArchive.Failure.class).hasMessageContaining("invalid symlink");
    assertThatThrownBy(() -> CopyArchive.untar(tar("h=>../outside/y"), Files.createDirectory(tmp.resolve("dst3"))))
        .isInstanceOf(CopyArchive.Failure.class).hasMessageContaining("invalid hardlink");
    try (var files = Files.list(outside)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void untar_noDirectoryReplacedByAFile_norTheOtherWay() throws Exception {
    Path dst = Files.createDirectory(tmp.resolve("dst"));
    Files.createDirectory(dst.resolve("d"));
    Files.writeString(dst.resolve("f"), "keep");
    assertThatThrownBy(() -> CopyArchive.untar(tar("d=x"), dst)).hasMessageContaining("cannot overwrite directory");
    assertThatThrownBy(() -> CopyArchive.untar(tar("f/"), dst)).hasMessageContaining("cannot overwrite non-directory");
    assertThat(Files.isDirectory(dst.resolve("d"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readString(dst.resolve("f"))).isEqualTo("keep");
  }

  @Test
  void paths_asDockersArchivePackage() {
    assertThat(CopyArchive.preserveTrailing("/a/b", "b/.")).isEqualTo("/a/b/.");
    assertThat(CopyArchive.preserveTrailing("/a/b", "b/")).isEqualTo("/a/b/");
    assertThat(CopyArchive.splitDirEntry("/a/b/.")).containsExactly("/a/b", ".");
    assertThat(CopyArchive.splitDirEntry("/a/b/")).containsExactly("/a", "b");
    assertThat(CopyArchive.rebaseName("/x/link", "/x/target")).containsExactly("/x/target", "link");
    assertThat(CopyArchive.rebaseName("/x/link/.", "/x/target")).containsExactly("/x/target/.", "");
    assertThat(CpCommand.split("c:/p")).containsExactly("c", "/p");
    assertThat(CpCommand.split("/abs:x")).containsExactly(null, "/abs:x");
    assertThat(CpCommand.split("./rel:x")).containsExactly(null, "./rel:x");
  }
}
