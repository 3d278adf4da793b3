package io.berth.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.Digest;
import io.berth.image.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer's tar, rebuilt from its unpacked files and skeleton, is the tar it was unpacked from. */
class TarSplitTest {
  @TempDir Path root;

  private LayerStore store() throws Exception {
    return new LayerStore(root.resolve("layers"), root.resolve("tmp"));
  }

  private byte[] rebuilt(LayerStore store, byte[] tar, boolean gzip) throws Exception {
    byte[] blob = tar;
    if (gzip) {
      var gz = new ByteArrayOutputStream();
      try (var out = new GZIPOutputStream(gz)) {
        out.write(tar);
      }
      blob = gz.toByteArray();
    }
    LayerStore.Pending p = store.extract(new ByteArrayInputStream(blob));
    assertThat(p.diffId()).isEqualTo(Digest.sha256(tar).toString());
    LayerInfo l = store.commit(p, null);
    var out = new ByteArrayOutputStream();
    if (!store.writeTar(l.chainId(), out)) {
      return null;
    }
    return out.toByteArray();
  }

  @Test
  void everyKindOfEntry_comesBackByteForByte() throws Exception {
    byte[] tar = new TarBuilder()
        .dir("etc", 0755)
        .file("etc/hello", "hello\n")
        .file("etc/empty", "")
        .file("etc/" + "long-name-".repeat(12), "a name past 100 bytes takes a PAX header\n", 0640, 1000, 1000)
        .fileWithXattrs("etc/caps", "x", Map.of("user.berth", "1"))
        .symlink("etc/link", "/etc/hello")
        .hardlink("etc/hard", "etc/hello")
        .charDevice("dev-null", 1, 3)
        .file(".wh.gone", "")
        .file("big", "0123456789".repeat(100_000))
        .build();
    // and zeros past the end blocks, as tar writers pad to their block size; here past 64 kB
    byte[] padded = Arrays.copyOf(tar, tar.length + 300 * 512);

    assertThat(rebuilt(store(), padded, true)).isEqualTo(padded);
  }

  @Test
  void gnuTarsOwnArchive_comesBack() throws Exception {
    Path src = Files.createDirectories(root.resolve("src/a/" + "deep-".repeat(30)));
    Files.writeString(src.resolve("f"), "gnu\n");
    Files.createSymbolicLink(root.resolve("src/a/sl"), Path.of("deep"));
    Process p = new ProcessBuilder("tar", "-C", root.resolve("src").toString(), "--format=gnu", "-cf", "-", "a")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] tar = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();

    assertThat(rebuilt(store(), tar, false)).isEqualTo(tar);
  }

  @Test
  void anEntryThatReplacesAnEarlierOne_keepsNoSkeleton_andStillUnpacks() throws Exception {
    byte[] tar = new TarBuilder().file("f", "first\n").file("f", "second\n").build();
    LayerStore store = store();

    assertThat(rebuilt(store, tar, false)).isNull();
    assertThat(store.hasTarSplit(ChainIds.next(null, Digest.sha256(tar).toString()))).isFalse();
  }

  @Test
  void aFileChangedOnDisk_isNotRebuiltWrong() throws Exception {
    byte[] tar = new TarBuilder().file("f", "first\n").build();
    LayerStore store = store();
    LayerInfo l = store.commit(store.extract(new ByteArrayInputStream(tar)), null);
    Path f = root.resolve("layers").resolve(Digest.parse(l.chainId()).hex()).resolve("diff/f");
    Files.writeString(f, "longer than it was\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeTar(l.chainId(), new ByteArrayOutputStream()))
        .hasMessageContaining("is 19 bytes, not the 6 it was unpacked with");
  }
}
