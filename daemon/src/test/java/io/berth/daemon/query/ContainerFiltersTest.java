package io.berth.daemon.query;

import static io.berth.daemon.Configs.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import io.berth.common.filter.Filters;
import io.berth.daemon.Configs;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerFiltersTest {
  private static final String ID = "abcdef12" + "0".repeat(56);
  private static final Instant T = Instant.parse("2026-11-23T21:00:00Z");
  private static final Function<String, String> NO_IMAGES = ref -> null;

  private static final Container RUNNING = container(ID, "web", Path.of("/c"),
      new ContainerState.Running(1, 0, T),
      Configs.withLabels("nginx:1.27", Map.of("tier", "front", "env", "prod")), T);
  private static final Container EXITED = container("1234" + "0".repeat(60), "db", Path.of("/d"),
      new ContainerState.Exited(3, T, T, ""), Configs.image("postgres"), T);

  private static Filters f(String key, String... values) {
    return new Filters(Map.of(key, List.of(values)));
  }

  private static boolean matches(Container c, Filters f) {
    return ContainerFilters.matches(c, f, NO_IMAGES, null, null);
  }

  @Test
  void matches_noFilters_matchesEverything() {
    assertThat(matches(RUNNING, Filters.EMPTY)).isTrue();
    assertThat(matches(EXITED, Filters.EMPTY)).isTrue();
  }

  @Test
  void matches_status_comparesDockerStatusWord() {
    assertThat(matches(RUNNING, f("status", "running"))).isTrue();
    assertThat(matches(EXITED, f("status", "running"))).isFalse();
    assertThat(matches(EXITED, f("status", "running", "exited"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"web", "we", "eb", "^w", "/web", "^/web$", "^web$", "w.b"})
  void matches_name_isRegexSearch(String pattern) {
    assertThat(matches(RUNNING, f("name", pattern))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"db", "^eb", "webs", "^/eb", "[", "web("})
  void matches_nameNotMatchingOrInvalidRegex_doesNotMatch(String pattern) {
    assertThat(matches(RUNNING, f("name", pattern))).isFalse();
  }

  @Test
  void matches_idPrefix_matches() {
    assertThat(matches(RUNNING, f("id", "abcd"))).isTrue();
    assertThat(matches(RUNNING, f("id", ID))).isTrue();
    assertThat(matches(RUNNING, f("id", "1234"))).isFalse();
  }

  @Test
  void matches_labelKey_requiresPresence() {
    assertThat(matches(RUNNING, f("label", "tier"))).isTrue();
    assertThat(matches(RUNNING, f("label", "owner"))).isFalse();
    assertThat(matches(EXITED, f("label", "tier"))).isFalse();
  }

  @Test
  void matches_labelKeyValue_requiresEqualValue() {
    assertThat(matches(RUNNING, f("label", "tier=front"))).isTrue();
    assertThat(matches(RUNNING, f("label", "tier=back"))).isFalse();
  }

  @Test
  void matches_severalLabels_requiresAll() {
    assertThat(matches(RUNNING, f("label", "tier=front", "env=prod"))).isTrue();
    assertThat(matches(RUNNING, f("label", "tier=front", "env=dev"))).isFalse();
  }

  @Test
  void matches_ancestorByImageName_matches() {
    assertThat(matches(RUNNING, f("ancestor", "nginx:1.27"))).isTrue();
    assertThat(matches(RUNNING, f("ancestor", "postgres"))).isFalse();
  }

  @Test
  void matches_ancestorByImageIdOrShortId_matches() {
    String imageId = RUNNING.imageId();

    assertThat(matches(RUNNING, f("ancestor", imageId))).isTrue();
    assertThat(matches(RUNNING, f("ancestor", imageId.substring(7)))).isTrue();
    assertThat(matches(RUNNING, f("ancestor", imageId.substring(7, 19)))).isTrue();
  }

  @Test
  void matches_ancestorResolvedThroughImageStore_matches() {
    Function<String, String> images = ref -> ref.equals("nginx") ? RUNNING.imageId() : null;

    assertThat(ContainerFilters.matches(RUNNING, f("ancestor", "nginx"), images, null, null)).isTrue();
    assertThat(ContainerFilters.matches(RUNNING, f("ancestor", "redis"), images, null, null)).isFalse();
  }

  @Test
  void matches_exitedCode_matchesOnlyExitedWithThatCode() {
    assertThat(matches(EXITED, f("exited", "3"))).isTrue();
    assertThat(matches(EXITED, f("exited", "0"))).isFalse();
    assertThat(matches(RUNNING, f("exited", "0"))).isFalse();
  }

  @Test
  void matches_severalKeys_requiresAll() {
    var both = new Filters(Map.of("status", List.of("running"), "name", List.of("db")));

    assertThat(matches(RUNNING, both)).isFalse();
  }

  @Test
  void validate_unknownKey_isInvalidFilter() {
    assertThatThrownBy(() -> ContainerFilters.validate(f("x", "1")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("invalid filter 'x'");
  }

  @Test
  void validate_unknownStatus_isInvalidFilter() {
    assertThatThrownBy(() -> ContainerFilters.validate(f("status", "sleeping")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("invalid filter 'status=sleeping': invalid value for state (sleeping): must be one of "
            + "created, running, paused, restarting, removing, exited, dead");
  }

  @Test
  void validate_knownKeys_pass() {
    ContainerFilters.validate(new Filters(Map.of("status", List.of("exited"), "label", List.of("a"),
        "ancestor", List.of("x"), "exited", List.of("0"), "name", List.of("n"), "id", List.of("1"))));
  }

  @Test
  void validate_badValues_areDockersInvalidFilters() {
    assertThatThrownBy(() -> ContainerFilters.validate(f("exited", "abc")))
        .hasMessage("invalid filter 'exited=abc': strconv.Atoi: parsing \"abc\": invalid syntax");
    assertThatThrownBy(() -> ContainerFilters.validate(f("is-task", "maybe")))
        .hasMessage("invalid filter 'is-task=[maybe]'");
    assertThatThrownBy(() -> ContainerFilters.validate(f("health", "fine")))
        .hasMessageStartingWith("invalid filter 'health=fine': invalid value for health (fine)");
  }

  @Test
  void matches_filtersForWhatBerthHasNot_matchAsForContainersWithoutThem() {
    assertThat(matches(RUNNING, f("volume", "data"))).isFalse();
    assertThat(matches(RUNNING, f("publish", "80"))).isFalse();
    assertThat(matches(RUNNING, f("health", "none"))).isTrue();
    assertThat(matches(RUNNING, f("health", "healthy"))).isFalse();
    assertThat(matches(RUNNING, f("network", "none"))).isTrue();
    assertThat(matches(RUNNING, f("network", "bridge"))).isFalse();
    assertThat(matches(RUNNING, f("is-task", "false"))).isTrue();
    assertThat(matches(RUNNING, f("is-task", "true"))).isFalse();
  }
}
