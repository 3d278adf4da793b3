package io.berth.daemon.query;

import static io.berth.daemon.Configs.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContainerViewsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T22:00:00Z");
  private static final String ID = "f".repeat(64);

  private static Container with(ContainerState s) {
    return container(ID, "web", Path.of("/data/containers").resolve(ID), s);
  }

  @Test
  void status_created_isCreated() {
    assertThat(ContainerViews.status(with(new ContainerState.Created(0, "")), NOW)).isEqualTo("Created");
  }

  @Test
  void status_running_isUpForHowLong() {
    var s = new ContainerState.Running(42, 0, NOW.minusSeconds(3));

    assertThat(ContainerViews.status(with(s), NOW)).isEqualTo("Up 3 seconds");
  }

  @Test
  void status_runningForHours_isUpAboutAnHour() {
    var s = new ContainerState.Running(42, 0, NOW.minusSeconds(3600 + 600));

    assertThat(ContainerViews.status(with(s), NOW)).isEqualTo("Up About an hour");
  }

  @Test
  void status_exited_isExitCodeAndHowLongAgo() {
    var s = new ContainerState.Exited(0, NOW.minusSeconds(600), NOW.minusSeconds(120), "");

    assertThat(ContainerViews.status(with(s), NOW)).isEqualTo("Exited (0) 2 minutes ago");
  }

  @Test
  void status_exitedNonZero_showsCode() {
    var s = new ContainerState.Exited(137, NOW.minusSeconds(60), NOW.minusSeconds(1), "");

    assertThat(ContainerViews.status(with(s), NOW)).isEqualTo("Exited (137) 1 second ago");
  }

  @Test
  void status_removing_isRemovalInProgress() {
    assertThat(ContainerViews.status(with(new ContainerState.Removing()), NOW))
        .isEqualTo("Removal In Progress");
  }

  @Test
  void time_epochOrNull_isGoZeroTime() {
    assertThat(ContainerViews.time(null)).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(ContainerViews.time(Instant.EPOCH)).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void time_instant_hasNineFractionDigitsInUtc() {
    assertThat(ContainerViews.time(Instant.parse("2026-11-23T21:47:34.5Z")))
        .isEqualTo("2026-11-23T21:47:34.500000000Z");
  }

  @Test
  void summary_running_rendersDockerFields() {
    var c = with(new ContainerState.Running(42, 0, NOW.minusSeconds(5)));

    var s = ContainerViews.summary(c, NOW);

    assertThat(s.names()).containsExactly("/web");
    assertThat(s.command()).isEqualTo("sh -c true");
    assertThat(s.state()).isEqualTo("running");
    assertThat(s.status()).isEqualTo("Up 5 seconds");
  }

  @Test
  void command_argumentWithSpace_singleQuotedAsDockerdLists() {
    var c = with(new ContainerState.Created(0, ""));
    var quoted = new Container(c.id(), c.name(), c.created(), c.imageId(), "sh",
        java.util.List.of("-c", "exit 3"), c.config(), c.hostConfig(), c.state(), c.dir());

    assertThat(ContainerViews.command(quoted)).isEqualTo("sh -c 'exit 3'");
  }
}
