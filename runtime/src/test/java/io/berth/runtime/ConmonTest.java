package io.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConmonTest {

  @Test
  void runcMessage_runcErrorLine_extractsMessageWithQuotesUnescaped() {
    String stderr = "time=\"2026-11-23T21:47:34Z\" level=error msg=\"runc create failed: unable to "
        + "start container process: exec: \\\"nosuch\\\": executable file not found in $PATH\"\n";

    assertThat(Conmon.runcMessage(stderr)).isEqualTo("runc create failed: unable to start container "
        + "process: exec: \"nosuch\": executable file not found in $PATH");
  }

  @Test
  void runcMessage_severalLines_keepsTheLast() {
    String stderr = "time=\"t\" level=warning msg=\"first\"\ntime=\"t\" level=error msg=\"second\"\n";

    assertThat(Conmon.runcMessage(stderr)).isEqualTo("second");
  }

  @Test
  void runcMessage_escapedBackslash_isUnescaped() {
    assertThat(Conmon.runcMessage("level=error msg=\"a\\\\b \\\\\\\"c\\\"\""))
        .isEqualTo("a\\b \\\"c\"");
  }

  @Test
  void runcMessage_noMsgField_isStrippedInput() {
    assertThat(Conmon.runcMessage("  container not found\n")).isEqualTo("container not found");
  }
}
