package io.berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageRemoverTest {
  private static final String ID = "sha256:abcdef" + "0".repeat(58);

  @Test
  void isIdPrefix_prefixWithOrWithoutAlgorithm_isTrue() {
    assertThat(ImageRemover.isIdPrefix(ID, "abc")).isTrue();
    assertThat(ImageRemover.isIdPrefix(ID, "sha256:abcd")).isTrue();
    assertThat(ImageRemover.isIdPrefix(ID, ID)).isTrue();
  }

  @Test
  void isIdPrefix_name_isFalse() {
    assertThat(ImageRemover.isIdPrefix(ID, "busybox")).isFalse();
    assertThat(ImageRemover.isIdPrefix(ID, "abd")).isFalse();
  }
}
