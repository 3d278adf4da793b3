package io.berth.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

class EntryNamesTest {

  @Test
  void normalize_dotsAndSlashes_areCollapsed() {
    assertThat(EntryNames.normalize("./a//b/./c/../d/")).isEqualTo("a/b/d");
  }

  @Test
  void normalize_absoluteName_isRelativeToRoot() {
    assertThat(EntryNames.normalize("/etc/passwd")).isEqualTo("etc/passwd");
  }

  @Test
  void normalize_rootEntry_isEmpty() {
    assertThat(EntryNames.normalize("./")).isEmpty();
  }

  @Test
  void normalize_escapingDotDot_isRejected() {
    assertThatThrownBy(() -> EntryNames.normalize("a/../../x"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("a/../../x")
        .hasMessageContaining("escapes");
    assertThatThrownBy(() -> EntryNames.normalize("/../etc/x"))
        .isInstanceOf(InvalidParameterException.class);
  }
}
