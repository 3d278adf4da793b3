package io.berth.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverlayMountTest {
  @Test
  void split_colonsSeparateAndBackslashEscapes() {
    assertThat(OverlayMount.split("/a/b:/c\\:d:/e\\\\f")).containsExactly("/a/b", "/c:d", "/e\\f");
  }

  @Test
  void split_oneDirectory_isItself() {
    assertThat(OverlayMount.split("/var/lib/berth/image/layers/x/diff"))
        .containsExactly("/var/lib/berth/image/layers/x/diff");
  }
}
