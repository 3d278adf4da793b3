package io.berth.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.ConflictException;
import io.berth.common.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link VolumeStore} does. An implementation's test extends this class and says how to
 * open a store on a directory (again on the same directory: a restart).
 */
public abstract class VolumeStoreContract {
  @TempDir protected Path dir;
  protected VolumeStore store;

  protected abstract VolumeStore open(Path dir) throws Exception;

  @BeforeEach
  void start() throws Exception {
    store = open(dir);
  }

  @Test
  void create_givesAnEmptyDataDirectory_andTheMetadataAsked() throws Exception {
    Volume v = store.create("data", Map.of("a", "b"), Map.of("type", "tmpfs"));

    assertThat(v.name()).isEqualTo("data");
    assertThat(v.driver()).isEqualTo("local");
    assertThat(v.labels()).containsExactly(Map.entry("a", "b"));
    assertThat(v.options()).containsExactly(Map.entry("type", "tmpfs"));
    assertThat(v.mountpoint()).isEmptyDirectory();
    assertThat(store.get("data")).contains(v);
  }

  @Test
  void create_aTakenName_isAConflict_andTheFirstIsKept() throws Exception {
    Volume first = store.create("data", Map.of(), Map.of());
    Files.writeString(first.mountpoint().resolve("f"), "kept");

    assertThatThrownBy(() -> store.create("data", Map.of("x", "y"), Map.of()))
        .isInstanceOf(ConflictException.class);
    assertThat(store.get("data")).contains(first);
    assertThat(first.mountpoint().resolve("f")).hasContent("kept");
  }

  @Test
  void noLabelsOrOptions_stayNull_emptyOnesStayEmpty_acrossAReopen() throws Exception {
    store.create("none", null, null);
    store.create("empty", Map.of(), Map.of());

    VolumeStore again = open(dir);

    assertThat(again.get("none").orElseThrow().labels()).isNull();
    assertThat(again.get("none").orElseThrow().options()).isNull();
    assertThat(again.get("empty").orElseThrow().labels()).isEmpty();
    assertThat(again.get("empty").orElseThrow().options()).isEmpty();
  }

  @Test
  void list_isEveryVolume_byName() throws Exception {
    store.create("b", Map.of(), Map.of());
    store.create("a", Map.of(), Map.of());

    assertThat(store.list()).extracting(Volume::name).containsExactly("a", "b");
  }

  @Test
  void volumes_andTheirData_outliveAReopen() throws Exception {
    Volume v = store.create("data", Map.of("a", "b"), Map.of());
    Files.writeString(v.mountpoint().resolve("f"), "kept");

    VolumeStore again = open(dir);

    assertThat(again.get("data")).contains(v);
    assertThat(again.get("data").orElseThrow().mountpoint().resolve("f")).hasContent("kept");
  }

  @Test
  void remove_takesTheDataToo_andTheNameCanBeUsedAgain() throws Exception {
    Volume v = store.create("data", Map.of(), Map.of());
    Files.writeString(v.mountpoint().resolve("f"), "gone");

    store.remove("data");

    assertThat(store.get("data")).isEmpty();
    assertThat(store.list()).isEmpty();
    assertThat(open(dir).get("data")).isEmpty();
    assertThat(store.create("data", Map.of(), Map.of()).mountpoint()).isEmptyDirectory();
  }

  @Test
  void remove_ofNone_isNotFound() {
    assertThatThrownBy(() -> store.remove("none")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void remove_deletesLinksNotWhatTheyPointAt() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("precious"), "x");
    Volume v = store.create("data", Map.of(), Map.of());
    Files.createSymbolicLink(v.mountpoint().resolve("abs"), outside);
    Files.createSymbolicLink(v.mountpoint().resolve("file"), outside.resolve("precious"));

    store.remove("data");

    assertThat(outside.resolve("precious")).hasContent("x");
  }

  @Test
  void size_countsFileBytes_hardLinksOnce() throws Exception {
    Volume v = store.create("data", Map.of(), Map.of());
    Files.write(v.mountpoint().resolve("a"), new byte[1000]);
    Files.createDirectories(v.mountpoint().resolve("d"));
    Files.write(v.mountpoint().resolve("d/b"), new byte[24]);
    Files.createLink(v.mountpoint().resolve("d/a2"), v.mountpoint().resolve("a"));

    assertThat(store.size("data")).isEqualTo(1024);
  }

  @Test
  void concurrentCreates_ofOneName_oneWins() throws Exception {
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tasks.add(() -> {
        try {
          store.create("race", Map.of(), Map.of());
          return true;
        } catch (ConflictException e) {
          return false;
        }
      });
    }
    try (var pool = Executors.newFixedThreadPool(8)) {
      long won = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    }
  }
}
