package io.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeTest {
  @Test
  void bearer_withQuotedParams() {
    List<Challenge> c = Challenge.parseAll(List.of(
        "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/busybox:pull\""));
    assertThat(c).hasSize(1);
    assertThat(c.getFirst().scheme()).isEqualTo("bearer");
    assertThat(c.getFirst().param("realm")).isEqualTo("https://auth.docker.io/token");
    assertThat(c.getFirst().param("service")).isEqualTo("registry.docker.io");
    assertThat(c.getFirst().param("scope")).isEqualTo("repository:library/busybox:pull");
  }

  @Test
  void severalChallenges_andEscapes() {
    List<Challenge> c = Challenge.parseAll(List.of("Basic realm=\"a \\\"b\\\"\", Bearer realm=x"));
    assertThat(c).extracting(Challenge::scheme).containsExactly("basic", "bearer");
    assertThat(c.get(0).param("realm")).isEqualTo("a \"b\"");
    assertThat(c.get(1).param("realm")).isEqualTo("x");
  }

  @Test
  void schemeAlone() {
    assertThat(Challenge.parseAll(List.of("Basic"))).extracting(Challenge::scheme).containsExactly("basic");
  }
}
