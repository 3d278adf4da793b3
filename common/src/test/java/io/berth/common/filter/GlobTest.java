package io.berth.common.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest
  @CsvSource({
      "busybox, busybox, true",
      "busy*, busybox, true",
      "myimg-tag*, busybox:latest, false",
      "myimg-tag*, myimg-tag2:latest, true",
      "busybox:*, busybox:latest, true",
      "*, library/busybox, false",
      "*/*, library/busybox, true",
      "busybox:1.?, busybox:1.3, true",
      "busybox:1.?, busybox:1.36, false",
      "img[0-9], img7, true",
      "img[^0-9], img7, false",
      "a.b, aXb, false",
      "img[, img[, false",
  })
  void matches_asGoPathMatch(String pattern, String name, boolean expected) {
    assertThat(Glob.matches(pattern, name)).isEqualTo(expected);
  }
}
