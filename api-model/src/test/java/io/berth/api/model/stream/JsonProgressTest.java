package io.berth.api.model.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonProgressTest {
  private static final long NOW = 1_700_000_100_000L;

  @Test
  void text_wideTerminal_barAndCounts_asDockerDrawsThem() {
    JsonProgress p = JsonProgress.of(Map.of("current", 1_000_000L, "total", 4_000_000L));

    assertThat(p.text(200, NOW)).isEqualTo("[============>" + " ".repeat(38) + "]      1MB/4MB");
  }

  @Test
  void text_narrowTerminal_countsOnly_andNothingToCountIsEmpty() {
    assertThat(JsonProgress.of(Map.of("current", 512, "total", 2048)).text(80, NOW)).isEqualTo("    512B/2.048kB");
    assertThat(JsonProgress.of(Map.of()).text(200, NOW)).isEmpty();
    assertThat(JsonProgress.of(Map.of("current", 3_500_000)).text(200, NOW)).isEqualTo("   3.5MB");
  }

  @Test
  void text_withStart_estimatesTimeLeft_andAWonkyCurrentDropsTheTotal() {
    // 100 s for the first quarter: 300 s left
    JsonProgress p = JsonProgress.of(Map.of("current", 1_000_000, "total", 4_000_000, "start", 1_700_000_000L));
    assertThat(p.text(100, NOW)).isEqualTo("     1MB/4MB 5m0s");
    assertThat(JsonProgress.of(Map.of("current", 5, "total", 4)).text(200, NOW))
        .isEqualTo("[==================================================>]       5B");
  }

  @Test
  void goDuration_printsAsGo() {
    assertThat(JsonProgress.goDuration(0)).isEqualTo("0s");
    assertThat(JsonProgress.goDuration(65_000_000_000L)).isEqualTo("1m5s");
    assertThat(JsonProgress.goDuration(7_203_000_000_000L)).isEqualTo("2h0m3s");
  }
}
