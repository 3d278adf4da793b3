package io.berth.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChainIdsTest {
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);

  @Test
  void of_singleLayer_chainIdIsDiffId() {
    assertThat(ChainIds.of(List.of(A))).containsExactly(A);
  }

  @Test
  void of_twoLayers_secondIsDigestOfParentSpaceDiffId() {
    assertThat(ChainIds.of(List.of(A, B)))
        .containsExactly(
            A, "sha256:ccd722928bd92476ba1745586fed6e45a102504185ad88cd89e01ff116fd146c");
  }

  @Test
  void of_noLayers_isEmpty() {
    assertThat(ChainIds.of(List.of())).isEmpty();
  }
}
