package io.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void humanDuration_eachRange_usesGoUnitsWords() {
    assertThat(Units.humanDuration(Duration.ofMillis(500))).isEqualTo("Less than a second");
    assertThat(Units.humanDuration(Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(Units.humanDuration(Duration.ofSeconds(59))).isEqualTo("59 seconds");
    assertThat(Units.humanDuration(Duration.ofSeconds(60))).isEqualTo("About a minute");
    assertThat(Units.humanDuration(Duration.ofSeconds(119))).isEqualTo("About a minute");
    assertThat(Units.humanDuration(Duration.ofMinutes(2))).isEqualTo("2 minutes");
    assertThat(Units.humanDuration(Duration.ofMinutes(59))).isEqualTo("59 minutes");
    assertThat(Units.humanDuration(Duration.ofMinutes(60))).isEqualTo("About an hour");
    assertThat(Units.humanDuration(Duration.ofMinutes(89))).isEqualTo("About an hour");
    assertThat(Units.humanDuration(Duration.ofMinutes(90))).isEqualTo("2 hours");
    assertThat(Units.humanDuration(Duration.ofHours(47))).isEqualTo("47 hours");
    assertThat(Units.humanDuration(Duration.ofHours(48))).isEqualTo("2 days");
    assertThat(Units.humanDuration(Duration.ofDays(14))).isEqualTo("2 weeks");
    assertThat(Units.humanDuration(Duration.ofDays(60))).isEqualTo("2 months");
    assertThat(Units.humanDuration(Duration.ofDays(730))).isEqualTo("2 years");
  }

  @Test
  void humanSize_threeSignificantDigits_matchesDocker() {
    assertThat(Units.humanSize(0, 3)).isEqualTo("0B");
    assertThat(Units.humanSize(999, 3)).isEqualTo("999B");
    assertThat(Units.humanSize(1000, 3)).isEqualTo("1kB");
    assertThat(Units.humanSize(4261550, 3)).isEqualTo("4.26MB");
    assertThat(Units.humanSize(4200000, 3)).isEqualTo("4.2MB");
    assertThat(Units.humanSize(123456789, 3)).isEqualTo("123MB");
    assertThat(Units.humanSize(1234567890, 3)).isEqualTo("1.23GB");
    assertThat(Units.humanSize(999950, 3)).isEqualTo("1e+03kB");
  }

  @Test
  void bytesSize_binaryUnits_fourDigits() {
    assertThat(Units.bytesSize(25_200_000_000L)).isEqualTo("23.47GiB");
    assertThat(Units.bytesSize(1024)).isEqualTo("1KiB");
  }
}
