package io.berth.image.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.Digest;
import io.berth.common.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ContentStore} does. An implementation's test extends this class and says how
 * to make a store in a fresh directory.
 */
public abstract class ContentStoreContract {
  private static final byte[] DATA = "a blob of content".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.sha256(DATA);

  @TempDir protected Path dir;
  protected ContentStore store;

  protected abstract ContentStore newStore(Path dir) throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore(dir);
  }

  @Test
  void put_thenRead_sameBytesSizeAndListed() throws Exception {
    assertThat(store.put(DATA)).isEqualTo(DIGEST);

    assertThat(store.read(DIGEST)).isEqualTo(DATA);
    assertThat(store.size(DIGEST)).hasValue(DATA.length);
    assertThat(store.list()).containsExactly(DIGEST);
  }

  @Test
  void writer_withoutExpectedDigest_storesUnderItsOwn() throws Exception {
    try (var w = store.writer(null, -1)) {
      w.stream().write(DATA);
      assertThat(w.commit()).isEqualTo(DIGEST);
    }
    assertThat(store.read(DIGEST)).isEqualTo(DATA);
  }

  @Test
  void writer_inPieces_commitsTheWhole() throws Exception {
    try (var w = store.writer(DIGEST, DATA.length)) {
      w.stream().write(DATA, 0, 5);
      w.stream().write(DATA, 5, DATA.length - 5);
      assertThat(w.written()).isEqualTo(DATA.length);
      assertThat(store.size(DIGEST)).isEmpty();
      w.commit();
    }
    assertThat(store.read(DIGEST)).isEqualTo(DATA);
  }

  @Test
  void writer_unknownSize_verifiesTheDigestAlone() throws Exception {
    try (var w = store.writer(DIGEST, -1)) {
      w.stream().write(DATA);
      w.commit();
    }
    assertThat(store.size(DIGEST)).hasValue(DATA.length);
  }

  @Test
  void commit_wrongDigest_refusedAndNothingVisible() throws Exception {
    Digest other = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
    try (var w = store.writer(other, DATA.length)) {
      w.stream().write(DATA);
      assertThatThrownBy(w::commit).isInstanceOf(VerificationException.class)
          .hasMessageContaining(other.toString());
    }
    assertThat(store.size(other)).isEmpty();
    assertThat(store.size(DIGEST)).isEmpty();
    assertThat(store.list()).isEmpty();
  }

  @Test
  void write_beyondTheAnnouncedSize_refusedAsItArrives() throws Exception {
    try (var w = store.writer(DIGEST, 4)) {
      assertThatThrownBy(() -> w.stream().write(DATA)).isInstanceOf(VerificationException.class);
    }
    assertThat(store.list()).isEmpty();
  }

  @Test
  void commit_truncated_refused() throws Exception {
    try (var w = store.writer(DIGEST, DATA.length)) {
      w.stream().write(DATA, 0, 3);
      assertThatThrownBy(w::commit).isInstanceOf(VerificationException.class)
          .hasMessageContaining("3 bytes where " + DATA.length);
    }
    assertThat(store.size(DIGEST)).isEmpty();
  }

  @Test
  void close_withoutCommit_keepsNothing() throws Exception {
    try (var w = store.writer(DIGEST, DATA.length)) {
      w.stream().write(DATA);
    }
    assertThat(store.list()).isEmpty();
  }

  @Test
  void put_twice_keepsOneBlob() throws Exception {
    store.put(DATA);
    store.put(DATA);

    assertThat(store.list()).containsExactly(DIGEST);
    assertThat(store.read(DIGEST)).isEqualTo(DATA);
  }

  @Test
  void concurrentWriters_ofOneBlob_allCommit() throws Exception {
    List<Callable<Digest>> writers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      writers.add(() -> store.put(DATA));
    }
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (Future<Digest> f : pool.invokeAll(writers)) {
        assertThat(f.get()).isEqualTo(DIGEST);
      }
    }
    assertThat(store.list()).containsExactly(DIGEST);
    assertThat(store.read(DIGEST)).isEqualTo(DATA);
  }

  @Test
  void delete_presentThenAbsent() throws Exception {
    store.put(DATA);

    assertThat(store.delete(DIGEST)).isTrue();
    assertThat(store.delete(DIGEST)).isFalse();
    assertThat(store.size(DIGEST)).isEmpty();
  }

  @Test
  void open_absent_isNotFound() {
    assertThatThrownBy(() -> store.open(DIGEST)).isInstanceOf(NotFoundException.class)
        .hasMessage("blob " + DIGEST + " not found");
  }

  @Test
  void newStore_sameDirectory_seesCommittedBlobs() throws Exception {
    store.put(DATA);

    assertThat(newStore(dir).read(DIGEST)).isEqualTo(DATA);
  }
}
