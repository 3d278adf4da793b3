package io.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryExceptionTest {
  @Test
  void distributionErrors_renderAsDistributionDoes() {
    var e = RegistryException.of(404, """
        {"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"x"}}]}"""
        .getBytes(StandardCharsets.UTF_8));
    assertThat(e.getMessage()).isEqualTo("manifest unknown: manifest unknown");
    assertThat(e.is("MANIFEST_UNKNOWN")).isTrue();
  }

  @Test
  void bodiesThatAreNotJson_keepTheStatus() {
    assertThat(RegistryException.of(401, "nope".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("UNAUTHORIZED");
    assertThat(RegistryException.of(403, new byte[0]).code()).isEqualTo("DENIED");
  }

  @Test
  void tokenServerDetails_areTheMessage() {
    var e = RegistryException.of(401, "{\"details\":\"incorrect username or password\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(e.getMessage()).isEqualTo("unauthorized: incorrect username or password");
  }
}
