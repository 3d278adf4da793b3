package io.berth.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import io.berth.image.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerLimitsTest {
  @TempDir Path root;

  /** A gzip of a tar holding {@code size} zero bytes: a few kB that unpack to {@code size}. */
  private static byte[] bomb(int size) throws IOException {
    var gz = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gz)) {
      out.write(new TarBuilder().file("zeros", "\0".repeat(size)).build());
    }
    return gz.toByteArray();
  }

  @Test
  void extract_pastMaxLayerSize_isRefusedAndLeavesNothing() throws Exception {
    LayerStore store = new LayerStore(root.resolve("layers"), root.resolve("tmp"), d -> { },
        new LayerLimits(1 << 20));
    byte[] blob = bomb(8 << 20);
    assertThat(blob.length).isLessThan(64 << 10);

    assertThatThrownBy(() -> store.extract(new ByteArrayInputStream(blob)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("failed to register layer: the layer unpacks to more than 1.049MB, the most berthd's "
            + "--max-layer-size allows")
        .satisfies(e -> assertThat(LayerLimits.exceeded(e)).isNotNull());
    try (var left = Files.list(root.resolve("tmp"))) {
      assertThat(left).isEmpty();
    }
  }

  /** A sparse entry's holes come out of the reader as zeros the tar never held: they count too. */
  @Test
  void extract_sparseFilePastMaxLayerSize_isRefused() throws Exception {
    Path src = Files.createDirectories(root.resolve("src"));
    try (var f = java.nio.channels.FileChannel.open(src.resolve("holes"), java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE)) {
      f.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 64L << 20);
    }
    Process p = new ProcessBuilder("tar", "-C", src.toString(), "--sparse", "-cf", "-", "holes")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] tar = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    assertThat(tar.length).isLessThan(1 << 20);
    LayerStore store = new LayerStore(root.resolve("layers"), root.resolve("tmp"), d -> { },
        new LayerLimits(16 << 20));

    assertThatThrownBy(() -> store.extract(new ByteArrayInputStream(tar)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("--max-layer-size");
    try (var left = Files.list(root.resolve("tmp"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void extract_withinTheLimit_unpacks() throws Exception {
    LayerStore store = new LayerStore(root.resolve("layers"), root.resolve("tmp"), d -> { },
        new LayerLimits(16 << 20));

    LayerStore.Pending p = store.extract(new ByteArrayInputStream(bomb(8 << 20)));

    assertThat(Files.size(p.workDir().resolve("diff/zeros"))).isEqualTo(8 << 20);
    store.discard(p.workDir());
  }

  /** An uncompressed tar of one file of {@code size} zero bytes, made as it is read. */
  private static java.io.InputStream zeroTar(long size) throws IOException {
    var header = new ByteArrayOutputStream();
    var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(header);
    var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("zeros");
    e.setSize(size);
    tar.putArchiveEntry(e);
    tar.flush();
    java.io.InputStream zeros = new java.io.InputStream() {
      long left = size + 1024;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
    return new java.io.SequenceInputStream(new ByteArrayInputStream(header.toByteArray()), zeros);
  }

  /** On a 256 MiB file system a layer of 1 GiB stops with 5% of it still free. */
  @Test
  @org.junit.jupiter.api.Tag("privileged")
  void extract_onASmallDisk_stopsAtTheReserve() throws Exception {
    Path disk = Files.createDirectory(root.resolve("disk"));
    run("mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", disk.toString());
    try {
      LayerStore store = new LayerStore(disk.resolve("layers"), disk.resolve("tmp"));

      assertThatThrownBy(() -> store.extract(zeroTar(1L << 30)))
          .isInstanceOf(InvalidParameterException.class)
          .hasMessageStartingWith("failed to register layer: the data root's file system is down to ")
          .hasMessageEndingWith("free, and berthd keeps 13.42MB of it free");
      try (var left = Files.list(disk.resolve("tmp"))) {
        assertThat(left).isEmpty();
      }
    } finally {
      run("umount", disk.toString());
    }
  }

  private static void run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).inheritIO().start();
    assertThat(p.waitFor()).as(String.join(" ", argv)).isZero();
  }
}
