package io.berth.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCopyTest {
  @TempDir Path dir;

  @Test
  void copy_keepsModesTimesLinksAndHardLinks_andTheTopDirectorysMode() throws Exception {
    Path from = Files.createDirectories(dir.resolve("from"));
    Files.createDirectories(from.resolve("sub"));
    Files.writeString(from.resolve("sub/f"), "content");
    Files.setPosixFilePermissions(from.resolve("sub/f"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.setLastModifiedTime(from.resolve("sub/f"), FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));
    Files.createLink(from.resolve("hard"), from.resolve("sub/f"));
    Files.createSymbolicLink(from.resolve("abs"), Path.of("/etc/passwd"));
    Files.setPosixFilePermissions(from, PosixFilePermissions.fromString("rwxrwxrwt".replace('t', 'x')));
    io.berth.linux.Fs.setXattr(from.resolve("sub/f"), "user.berth", "kept".getBytes());
    Path to = Files.createDirectories(dir.resolve("to"));

    TreeCopy.copy(from, to);

    assertThat(new String(io.berth.linux.Fs.getXattr(to.resolve("sub/f"), "user.berth"))).isEqualTo("kept");

    assertThat(to.resolve("sub/f")).hasContent("content");
    assertThat(Files.getPosixFilePermissions(to.resolve("sub/f"))).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
    assertThat(Files.getLastModifiedTime(to.resolve("sub/f")).toInstant()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
    assertThat(Files.isSameFile(to.resolve("hard"), to.resolve("sub/f"))).isTrue();
    assertThat(Files.readSymbolicLink(to.resolve("abs"))).isEqualTo(Path.of("/etc/passwd"));
    assertThat(Files.isSymbolicLink(to.resolve("abs"))).isTrue();
    assertThat(Files.getPosixFilePermissions(to, LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));
  }
}
