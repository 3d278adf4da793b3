package io.berth.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MountTableTest {

  @Test
  void unescape_octalEscapes_becomeCharacters() {
    assertThat(MountTable.unescape("/a\\040b\\011c\\134d")).isEqualTo("/a b\tc\\d");
  }

  @Test
  void unescape_backslashWithoutDigits_isKept() {
    assertThat(MountTable.unescape("/a\\x\\04")).isEqualTo("/a\\x\\04");
  }
}
