package io.berth.daemon.lifecycle;

import static io.berth.daemon.Configs.config;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import io.berth.common.error.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreatorValidateTest {
  private static void fails(ContainerConfig c, String message) {
    assertThatThrownBy(() -> Creator.validate(c, HostConfig.empty()))
        .isInstanceOf(InvalidParameterException.class).hasMessage(message);
  }

  @Test
  void validate_relativeWorkingDir_isDockersWords() {
    fails(config("busybox", null, null, null, null, "relative", null),
        "the working directory 'relative' is invalid, it needs to be an absolute path");
  }

  @Test
  void validate_envWithoutName_isDockersWords() {
    fails(config("busybox", List.of("A=1", "=x"), null, null, null, null, null),
        "invalid environment variable: =x");
  }

  @Test
  void validate_unknownStopSignal_isDockersWords() {
    ContainerConfig c = config("busybox", null, null, null, null, null, null);
    ContainerConfig withSignal = new ContainerConfig(c.hostname(), c.domainname(), c.user(),
        false, false, false, null, false, false, false, null, null, "busybox", null, null, null,
        null, null, null, "SIGFOO", null, null, null);
    fails(withSignal, "invalid signal: SIGFOO");
  }

  @Test
  void validate_plainConfig_passes() {
    assertThatCode(() -> Creator.validate(config("busybox", List.of("A=1", "B"), List.of("true"),
        null, "1000", "/tmp", null), HostConfig.empty())).doesNotThrowAnyException();
  }
}
