package io.berth.image.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.linux.Fs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer tars from overlay directories, as Docker writes them; needs root for mknod and trusted xattrs. */
@Tag("privileged")
class DirectoryTarTest {
  @TempDir Path dir;

  @Test
  void write_nodesAndOverlayMarks_becomeLayerEntries_andExtractBack() throws Exception {
    Path layer = Files.createDirectories(dir.resolve("layer"));
    Files.createDirectories(layer.resolve("dev"));
    Fs.mknod(layer.resolve("dev/null"), Fs.S_IFCHR, 0666, 1, 3);
    Fs.mknod(layer.resolve("dev/sda"), Fs.S_IFBLK, 0660, 8, 0);
    Fs.mknod(layer.resolve("pipe"), Fs.S_IFIFO, 0644, 0, 0);
    Fs.mknodChar(layer.resolve("gone"), 0, 0, 0);
    Files.createDirectories(layer.resolve("var/cache"));
    Fs.setXattr(layer.resolve("var/cache"), "trusted.overlay.opaque", "y".getBytes(StandardCharsets.UTF_8));
    Files.writeString(layer.resolve("var/cache/kept"), "k");

    var bytes = new ByteArrayOutputStream();
    DirectoryTar.write(layer, Set.of(), bytes);

    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    try (var in = new TarArchiveInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), e);
      }
    }
    assertThat(entries.get("dev/null").isCharacterDevice()).isTrue();
    assertThat(entries.get("dev/null").getDevMajor()).isEqualTo(1);
    assertThat(entries.get("dev/null").getDevMinor()).isEqualTo(3);
    assertThat(entries.get("dev/sda").isBlockDevice()).isTrue();
    assertThat(entries.get("pipe").isFIFO()).isTrue();
    assertThat(entries).containsKey(".wh.gone").doesNotContainKey("gone");
    assertThat(entries).containsKey("var/cache/.wh..wh..opq");

    Path back = Files.createDirectories(dir.resolve("back"));
    SafeExtractor.extract(new ByteArrayInputStream(bytes.toByteArray()), back);
    assertThat(Files.getAttribute(back.resolve("gone"), "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
    assertThat(Files.getAttribute(back.resolve("dev/sda"), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(8L << 8);
    assertThat(Fs.getXattr(back.resolve("var/cache"), "trusted.overlay.opaque"))
        .isEqualTo("y".getBytes(StandardCharsets.UTF_8));
    assertThat(back.resolve("var/cache/kept")).hasContent("k");
  }
}
