package io.berth.daemon.container;

import static io.berth.daemon.Configs.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerStoreTest {
  private static final String A = "aaaa1111" + "0".repeat(56);
  private static final String B = "aaaa2222" + "0".repeat(56);
  private static final String C = "cccc3333" + "0".repeat(56);
  private static final Instant STARTED = Instant.parse("2026-11-23T21:00:00.123456789Z");
  private static final Instant FINISHED = Instant.parse("2026-11-23T21:05:00Z");

  @TempDir Path root;

  private Container add(ContainerStore store, String id, String name, ContainerState state) {
    Container c = container(id, name, store.dirFor(id), state);
    store.add(c);
    return c;
  }

  private static ContainerState created() {
    return new ContainerState.Created(0, "");
  }

  /** Records from before the bridge say "default" (or nothing), which meant none then, and still does. */
  @Test
  void networkMode_storedDefaultMeansNone_storedModesAreKept() {
    var store = new ContainerStore(root);
    Container legacy = add(store, A, "old", created());
    var h = legacy.hostConfig();

    assertThat(legacy.networkMode()).isEqualTo("none");
    assertThat(legacy.withHostConfig(h.with(h.logConfig(), "default")).networkMode()).isEqualTo("none");
    assertThat(legacy.withHostConfig(h.with(h.logConfig(), "bridge")).networkMode()).isEqualTo("bridge");
    assertThat(legacy.withHostConfig(h.with(h.logConfig(), "host")).networkMode()).isEqualTo("host");
  }

  @Test
  void find_byFullId_returnsContainer() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());

    assertThat(store.find(A).name()).isEqualTo("web");
    assertThat(store.get(A).name()).isEqualTo("web");
  }

  @Test
  void find_byNameWithOrWithoutSlash_returnsContainer() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());

    assertThat(store.find("web").id()).isEqualTo(A);
    assertThat(store.find("/web").id()).isEqualTo(A);
  }

  @Test
  void find_uniquePrefix_returnsContainer() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());
    add(store, C, "db", created());

    assertThat(store.find("cccc").id()).isEqualTo(C);
    assertThat(store.find("aaaa1").id()).isEqualTo(A);
  }

  @Test
  void find_ambiguousPrefix_isInvalidParameter() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());
    add(store, B, "db", created());

    assertThatThrownBy(() -> store.find("aaaa"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("multiple IDs found with provided prefix: aaaa");
  }

  @Test
  void find_nameBeatsIdPrefix() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());
    add(store, C, "aaaa", created());

    assertThat(store.find("aaaa").id()).isEqualTo(C);
  }

  @Test
  void find_missing_isNotFoundWithDockerMessage() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());

    assertThatThrownBy(() -> store.find("x"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No such container: x");
  }

  @Test
  void add_duplicateName_isConflictWithDockerText() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());

    assertThatThrownBy(() -> add(store, C, "web", created()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Conflict. The container name \"/web\" is already in use by container \"" + A
            + "\". You have to remove (or rename) that container to be able to reuse that name.");
    assertThat(store.get(C)).isNull();
    assertThat(store.find("web").id()).isEqualTo(A);
  }

  @Test
  void add_writesContainerJson() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());

    assertThat(root.resolve(A).resolve("container.json")).isRegularFile();
  }

  @Test
  void newStore_sameDir_seesContainersWithTheirStates() {
    var store = new ContainerStore(root);
    add(store, A, "created", new ContainerState.Created(127, "exec: \"nosuch\": not found"));
    add(store, B, "running", new ContainerState.Running(4242, 0, STARTED));
    add(store, C, "exited", new ContainerState.Exited(3, STARTED, FINISHED, ""));

    var reloaded = new ContainerStore(root);

    assertThat(reloaded.all()).hasSize(3);
    assertThat(reloaded.find("created").state())
        .isEqualTo(new ContainerState.Created(127, "exec: \"nosuch\": not found"));
    assertThat(reloaded.find("running").state()).isEqualTo(new ContainerState.Running(4242, 0, STARTED));
    assertThat(reloaded.find("exited").state())
        .isEqualTo(new ContainerState.Exited(3, STARTED, FINISHED, ""));
    Container c = reloaded.get(C);
    Container original = store.get(C);
    assertThat(c.created()).isEqualTo(original.created());
    assertThat(c.imageId()).isEqualTo(original.imageId());
    assertThat(c.path()).isEqualTo("sh");
    assertThat(c.args()).containsExactly("-c", "true");
    assertThat(c.config().image()).isEqualTo("busybox");
    assertThat(c.dir()).isEqualTo(root.resolve(C));
  }

  @Test
  void update_persistsNewState() {
    var store = new ContainerStore(root);
    add(store, A, "web", created());

    store.update(A, c -> c.withState(new ContainerState.Running(7, 0, STARTED)));

    assertThat(store.get(A).state().running()).isTrue();
    assertThat(new ContainerStore(root).get(A).state()).isEqualTo(new ContainerState.Running(7, 0, STARTED));
  }

  @Test
  void update_missing_isNotFound() {
    var store = new ContainerStore(root);

    assertThatThrownBy(() -> store.update(A, c -> c))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No such container: " + A);
  }

  @Test
  void remove_freesNameAndDeletesDirectory() throws Exception {
    var store = new ContainerStore(root);
    Container c = add(store, A, "web", created());

    store.remove(c);

    assertThat(root.resolve(A)).doesNotExist();
    assertThatThrownBy(() -> store.find("web")).isInstanceOf(NotFoundException.class);
    add(store, C, "web", created());
    assertThat(store.find("web").id()).isEqualTo(C);
  }

  @Test
  void newStore_directoryWithoutContainerJson_isRemoved() throws Exception {
    Path half = Files.createDirectories(root.resolve(C));
    Files.writeString(half.resolve("hostname"), "x\n");
    var store = new ContainerStore(root);
    add(store, A, "web", created());

    var reloaded = new ContainerStore(root);

    assertThat(half).doesNotExist();
    assertThat(reloaded.all()).extracting(Container::id).containsExactly(A);
  }

  @Test
  void newStore_unreadableRecords_showContainersAsDeadAndKeepTheirFiles() throws Exception {
    var store = new ContainerStore(root);
    add(store, A, "web", created());
    add(store, B, "db", created());
    add(store, C, "cache", created());
    Path truncated = root.resolve(A).resolve("container.json");
    Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(truncated), 40));
    Files.write(root.resolve(B).resolve("container.json"), new byte[0]);
    Files.writeString(root.resolve(A).resolve("container.log"), "kept\n");

    var reloaded = new ContainerStore(root);

    Container dead = reloaded.find(A);
    assertThat(dead.state()).isInstanceOf(ContainerState.Dead.class);
    assertThat(dead.state().status()).isEqualTo("dead");
    assertThat(dead.state().error()).startsWith("cannot read " + truncated);
    assertThat(reloaded.find(B).state().status()).isEqualTo("dead");
    assertThat(reloaded.find("cache").state()).isEqualTo(created());
    assertThat(root.resolve(A).resolve("container.log")).hasContent("kept");
    reloaded.remove(dead);
    assertThat(root.resolve(A)).doesNotExist();
  }

  @Test
  void newStore_recordMovedAwayButLogKept_isDead() throws Exception {
    var store = new ContainerStore(root);
    add(store, A, "web", created());
    Files.writeString(root.resolve(A).resolve("container.log"), "x\n");
    Files.move(root.resolve(A).resolve("container.json"), root.resolve("elsewhere.json"));

    var reloaded = new ContainerStore(root);

    assertThat(reloaded.get(A).state().error()).contains("the record is missing");
  }

  @Test
  void newStore_forgottenContainer_isDebrisAndRemoved() throws Exception {
    var store = new ContainerStore(root);
    Container c = add(store, A, "web", created());
    Files.writeString(root.resolve(A).resolve("container.log"), "x\n");
    store.forget(c);

    var reloaded = new ContainerStore(root);

    assertThat(reloaded.all()).isEmpty();
    assertThat(root.resolve(A)).doesNotExist();
  }

  @Test
  void newStore_recordFromANewerBerth_isDeadNotRewritten() throws Exception {
    var store = new ContainerStore(root);
    add(store, A, "web", created());
    Path record = root.resolve(A).resolve("container.json");
    Files.writeString(record, Files.readString(record).replace("\"version\":1", "\"version\":99"));
    String before = Files.readString(record);

    var reloaded = new ContainerStore(root);

    assertThat(reloaded.get(A).state().error()).contains("record version 99");
    assertThat(record).hasContent(before);
  }

  @Test
  void reserve_nameHeldByAnotherCreate_refusedUntilReleased() {
    var store = new ContainerStore(root);

    assertThat(store.reserve("web", A)).isTrue();
    assertThat(store.reserve("web", A)).isTrue();
    assertThat(store.reserve("web", B)).isFalse();
    assertThatThrownBy(() -> add(store, B, "web", created())).isInstanceOf(ConflictException.class)
        .hasMessageContaining("by container \"" + A + "\"");
    store.release("web", A);
    assertThat(store.reserve("web", B)).isTrue();
  }
}
