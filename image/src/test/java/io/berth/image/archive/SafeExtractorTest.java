package io.berth.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import io.berth.image.TarBuilder;
import io.berth.linux.Fs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("privileged")
class SafeExtractorTest {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final int S_IFMT = 0170000;

  @TempDir Path tmp;
  Path root;
  Path outside;

  @BeforeEach
  void setUp() throws IOException {
    outside = Files.createDirectory(tmp.resolve("outside"));
    root = Files.createDirectories(tmp.resolve("a/b/root"));
  }

  private long extract(TarBuilder tar) throws IOException {
    return SafeExtractor.extract(new ByteArrayInputStream(tar.build()), root);
  }

  private static int mode(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode", NOFOLLOW);
  }

  @Test
  void extract_filesDirsAndSymlinks_keepModesOwnersAndTimes() throws IOException {
    long size =
        extract(
            new TarBuilder()
                .dir("bin", 0755)
                .file("bin/tool", "#!/bin/sh\n", 04755, 1000, 1001)
                .dir("tmp", 01777)
                .symlink("bin/sh", "/bin/busybox")
                .file("./etc/hostname", "box\n"));

    Path tool = root.resolve("bin/tool");
    assertThat(size).isEqualTo(10 + 4);
    assertThat(mode(tool) & 07777).isEqualTo(04755);
    assertThat(Files.getAttribute(tool, "unix:uid")).isEqualTo(1000);
    assertThat(Files.getAttribute(tool, "unix:gid")).isEqualTo(1001);
    assertThat(mode(root.resolve("tmp")) & 07777).isEqualTo(01777);
    assertThat(Files.readSymbolicLink(root.resolve("bin/sh"))).isEqualTo(Path.of("/bin/busybox"));
    assertThat(Files.getLastModifiedTime(root.resolve("bin"), NOFOLLOW))
        .isEqualTo(TarBuilder.MTIME);
    assertThat(Files.getLastModifiedTime(root.resolve("bin/sh"), NOFOLLOW))
        .isEqualTo(TarBuilder.MTIME);
    assertThat(root.resolve("etc/hostname")).hasContent("box");
  }

  @Test
  void copyOptions_whiteoutsAreFiles_ownerIsOne_andDirsAndFilesDoNotReplaceEachOther() throws IOException {
    var options = new SafeExtractor.Options(false, true, new int[] {7, 8}, "/srv");
    SafeExtractor.extract(new ByteArrayInputStream(new TarBuilder().dir("d", 0755).file("d/.wh.x", "plain", 0644, 1, 1)
        .build()), root, options);

    assertThat(root.resolve("d/.wh.x")).hasContent("plain");
    assertThat(Files.getAttribute(root.resolve("d/.wh.x"), "unix:uid")).isEqualTo(7);
    assertThat(Files.getAttribute(root.resolve("d"), "unix:gid")).isEqualTo(8);
    assertThatThrownBy(() -> SafeExtractor.extract(new ByteArrayInputStream(new TarBuilder().file("d", "x").build()),
        root, options)).hasMessage("cannot overwrite directory \"/srv/d\" with non-directory \"/srv\"");
    assertThatThrownBy(() -> SafeExtractor.extract(new ByteArrayInputStream(new TarBuilder().dir("d/.wh.x", 0755)
        .build()), root, options)).hasMessage("cannot overwrite non-directory \"/srv/d/.wh.x\" with directory \"/srv\"");
  }

  @Test
  void extract_absoluteName_landsInsideRoot() throws IOException {
    extract(new TarBuilder().file("/etc/motd", "hi"));

    assertThat(root.resolve("etc/motd")).hasContent("hi");
  }

  @Test
  void extract_dotDotEscape_isRejected() {
    assertThatThrownBy(() -> extract(new TarBuilder().file("../x", "evil")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("\"../x\"");
    assertThat(root.getParent().resolve("x")).doesNotExist();
  }

  @Test
  void extract_absoluteNameThatEscapes_isRejected() {
    assertThatThrownBy(() -> extract(new TarBuilder().file("/../../x", "evil")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("escapes");
    assertThat(tmp.resolve("a/x")).doesNotExist();
  }

  @Test
  void extract_writeThroughAbsoluteSymlink_isRejectedAndEtcUntouched() throws IOException {
    Path passwd = Path.of("/etc/passwd");
    byte[] before = Files.readAllBytes(passwd);
    FileTime mtime = Files.getLastModifiedTime(passwd);

    assertThatThrownBy(
            () -> extract(new TarBuilder().symlink("evil", "/etc").file("evil/passwd", "pwned")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("evil/passwd")
        .hasMessageContaining("symlink");

    assertThat(Files.readAllBytes(passwd)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(passwd)).isEqualTo(mtime);
  }

  @Test
  void extract_writeThroughRelativeSymlink_isRejected() {
    assertThatThrownBy(
            () ->
                extract(new TarBuilder().symlink("up", "../../../outside").file("up/planted", "x")))
        .isInstanceOf(InvalidParameterException.class);

    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void extract_symlinkReplacedByFile_doesNotWriteToLinkTarget() throws IOException {
    Files.writeString(outside.resolve("target"), "original");

    extract(
        new TarBuilder()
            .symlink("link", outside.resolve("target").toString())
            .file("link", "replaced"));

    assertThat(outside.resolve("target")).hasContent("original");
    assertThat(Files.isSymbolicLink(root.resolve("link"))).isFalse();
    assertThat(root.resolve("link")).hasContent("replaced");
  }

  @Test
  void extract_hardlinkToAbsolutePath_isRejected() {
    assertThatThrownBy(() -> extract(new TarBuilder().hardlink("pw", "/etc/passwd")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("\"pw\"");
    assertThat(root.resolve("pw")).doesNotExist();
  }

  @Test
  void extract_hardlinkEscaping_isRejected() {
    assertThatThrownBy(() -> extract(new TarBuilder().hardlink("x", "../../x")))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void extract_hardlinkToSymlink_isRejected() {
    assertThatThrownBy(
            () -> extract(new TarBuilder().symlink("s", "/etc/passwd").hardlink("h", "s")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("\"h\"");
  }

  @Test
  void extract_hardlinkThroughSymlinkedDir_isRejected() {
    assertThatThrownBy(
            () -> extract(new TarBuilder().symlink("etc", "/etc").hardlink("h", "etc/passwd")))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void extract_hardlinkToEarlierFile_sharesInode() throws IOException {
    extract(new TarBuilder().file("a", "content").hardlink("b", "a"));

    assertThat(Files.isSameFile(root.resolve("a"), root.resolve("b"))).isTrue();
    assertThat(Files.getAttribute(root.resolve("a"), "unix:nlink")).isEqualTo(2);
  }

  @Test
  void extract_characterDevice_isKeptAsDockerKeepsIt() throws IOException {
    extract(new TarBuilder().dir("dev", 0755).charDevice("dev/null", 1, 3));

    Path dev = root.resolve("dev/null");
    assertThat(mode(dev) & S_IFMT).isEqualTo(Fs.S_IFCHR);
    assertThat(Files.getAttribute(dev, "unix:rdev", NOFOLLOW)).isEqualTo((1L << 8) | 3L);
  }

  @Test
  void extract_fifo_isKept() throws IOException {
    extract(new TarBuilder().fifo("pipe"));

    assertThat(mode(root.resolve("pipe")) & S_IFMT).isEqualTo(Fs.S_IFIFO);
  }

  @Test
  void extract_deviceOverSymlinkToOutside_replacesTheLinkNotItsTarget() throws IOException {
    Path outside = Files.createTempFile("berth-outside", "");
    try {
      extract(new TarBuilder().symlink("dev", outside.toString()).charDevice("dev", 1, 3));

      assertThat(mode(root.resolve("dev")) & S_IFMT).isEqualTo(Fs.S_IFCHR);
      assertThat(Files.isRegularFile(outside, NOFOLLOW)).isTrue();
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void extract_whiteoutFile_becomesZeroZeroCharDevice() throws IOException {
    extract(new TarBuilder().dir("etc", 0755).file("etc/.wh.motd", ""));

    Path wh = root.resolve("etc/motd");
    assertThat(mode(wh) & S_IFMT).isEqualTo(Fs.S_IFCHR);
    assertThat(Files.getAttribute(wh, "unix:rdev", NOFOLLOW)).isEqualTo(0L);
    assertThat(root.resolve("etc/.wh.motd")).doesNotExist();
  }

  @Test
  void extract_opaqueMarker_setsOverlayOpaqueXattr() throws IOException {
    extract(new TarBuilder().dir("var", 0755).file("var/.wh..wh..opq", "").file("var/kept", "k"));

    assertThat(Fs.getXattr(root.resolve("var"), "trusted.overlay.opaque"))
        .isEqualTo("y".getBytes(StandardCharsets.UTF_8));
    assertThat(root.resolve("var/.wh..wh..opq")).doesNotExist();
    assertThat(root.resolve("var/kept")).hasContent("k");
  }

  @Test
  void extract_bareWhiteoutPrefix_isRejected() {
    assertThatThrownBy(() -> extract(new TarBuilder().file("etc/.wh.", "")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("etc/.wh.");
  }

  @Test
  void extract_whiteoutOfDotDot_isRejected() {
    assertThatThrownBy(() -> extract(new TarBuilder().file("etc/.wh...", "")))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void extract_laterEntries_replaceEarlierOnes() throws IOException {
    extract(
        new TarBuilder()
            .file("x", "file")
            .dir("x", 0700)
            .file("x/inner", "i")
            .dir("x", 0755)
            .dir("y", 0755)
            .file("y/z", "z")
            .file("y", "now a file"));

    assertThat(root.resolve("x/inner")).hasContent("i");
    assertThat(mode(root.resolve("x")) & 07777).isEqualTo(0755);
    assertThat(root.resolve("y")).isRegularFile().hasContent("now a file");
  }

  @Test
  void extract_paxXattrs_areApplied() throws IOException {
    extract(new TarBuilder().fileWithXattrs("f", "x", Map.of("user.color", "blue")));

    assertThat(Fs.getXattr(root.resolve("f"), "user.color"))
        .isEqualTo("blue".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void extract_longNames_areSupported() throws IOException {
    String name = "d/" + "n".repeat(200) + "/" + "f".repeat(150);

    extract(new TarBuilder().file(name, "long"));

    assertThat(root.resolve(name)).hasContent("long");
  }
}
