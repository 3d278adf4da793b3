package io.berth.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityOptsTest {
  @Test
  void noNewPrivileges_goBoolWords() {
    assertThat(SecurityOpts.noNewPrivileges("no-new-privileges")).contains(true);
    assertThat(SecurityOpts.noNewPrivileges("no-new-privileges=false")).contains(false);
    assertThat(SecurityOpts.noNewPrivileges("no-new-privileges:T")).contains(true);
    assertThat(SecurityOpts.noNewPrivileges("seccomp=unconfined")).isEmpty();
    assertThatThrownBy(() -> SecurityOpts.noNewPrivileges("no-new-privileges=maybe"))
        .isInstanceOf(InvalidParameterException.class).hasMessage("invalid --security-opt 2: \"no-new-privileges=maybe\"");
  }

  @Test
  void seccomp_unconfinedOwnProfile_andWhatIsRefused() {
    assertThat(SecurityOpts.seccomp(List.of("seccomp=unconfined")).orElseThrow().isNull()).isTrue();
    assertThat(SecurityOpts.seccomp(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}")).orElseThrow()
        .path("defaultAction").asText()).isEqualTo("SCMP_ACT_ALLOW");
    assertThat(SecurityOpts.seccomp(List.of("no-new-privileges"))).isEmpty();
    assertThatThrownBy(() -> SecurityOpts.seccomp(List.of("seccomp={nope")))
        .hasMessageStartingWith("Decoding seccomp profile failed: ");
    assertThatThrownBy(() -> SecurityOpts.seccomp(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\","
        + "\"flags\":[\"SECCOMP_FILTER_FLAG_LOG\"]}"))).hasMessage("berth does not support the seccomp profile's flags yet");
  }
}
