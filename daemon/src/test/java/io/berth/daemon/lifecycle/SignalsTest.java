package io.berth.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {

  @ParameterizedTest
  @CsvSource({
    "KILL, 9", "SIGKILL, 9", "kill, 9", "sigkill, 9", "9, 9", "SIGTERM, 15", "TERM, 15",
    "HUP, 1", "SIGINT, 2", "USR1, 10", "SIGUSR2, 12", "CHLD, 17", "WINCH, 28", "SYS, 31", "64, 64"
  })
  void parse_nameOrNumber_isLinuxSignalNumber(String input, int expected) {
    assertThat(Signals.parse(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X", "SIGNOPE", "SIG", "", "0", "65", "-1", "9x"})
  void parse_unknown_isInvalidSignal(String input) {
    assertThatThrownBy(() -> Signals.parse(input))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Invalid signal: " + input);
  }
}
