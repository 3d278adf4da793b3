package io.berth.image.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileContentStoreTest extends ContentStoreContract {
  @Override
  protected ContentStore newStore(Path dir) throws Exception {
    return new FileContentStore(dir.resolve("blobs"), dir.resolve("tmp"));
  }

  @Test
  void writing_neverPutsAPartialFileWhereBlobsAre() throws Exception {
    byte[] data = "partial".getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.sha256(data);
    try (var w = store.writer(d, data.length)) {
      w.stream().write(data, 0, 3);
      // a crash now leaves only a temporary file, which the image store's start-up clears
      try (var blobs = Files.list(dir.resolve("blobs/sha256"))) {
        assertThat(blobs).isEmpty();
      }
      assertThat(Files.list(dir.resolve("tmp")).count()).isEqualTo(1);
    }
    assertThat(Files.list(dir.resolve("tmp")).count()).isZero();
  }

  @Test
  void list_ignoresNamesThatAreNotDigests() throws Exception {
    Files.writeString(dir.resolve("blobs/sha256/not-a-digest"), "x");

    assertThat(store.list()).isEmpty();
  }

  @Test
  void path_isTheLayoutOfAnOciStore() {
    Digest d = Digest.sha256(new byte[0]);

    assertThat(((FileContentStore) store).path(d)).isEqualTo(dir.resolve("blobs/sha256").resolve(d.hex()));
  }
}
