package io.berth.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

  @ParameterizedTest
  @CsvSource({
    "0, Less than a second",
    "500, Less than a second",
    "999, Less than a second",
    "-5000, Less than a second",
    "1000, 1 second",
    "1999, 1 second",
    "2000, 2 seconds",
    "59000, 59 seconds",
    "59999, 59 seconds",
    "60000, About a minute",
    "119000, About a minute",
    "120000, 2 minutes",
    "3540000, 59 minutes",
    "3599000, 59 minutes",
    "3600000, About an hour",
    "5340000, About an hour",
    "5400000, 2 hours",
    "169200000, 47 hours",
    "172800000, 2 days",
    "1206000000, 13 days",
    "1209600000, 2 weeks",
    "5184000000, 2 months",
    "63072000000, 2 years",
  })
  void of_duration_isDockerHumanDuration(long millis, String expected) {
    assertThat(HumanDuration.of(Duration.ofMillis(millis))).isEqualTo(expected);
  }
}
