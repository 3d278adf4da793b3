package io.berth.api.server.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.server.backend.RegistryAuth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RegistryAuthHeaderTest {
  static final String JSON = "{\"username\":\"u?>\",\"password\":\"p~~\",\"serveraddress\":\"127.0.0.1:5000\"}";

  @Test
  void everyAlphabetAndPadding_decodes() {
    byte[] b = JSON.getBytes(StandardCharsets.UTF_8);
    for (String encoded : new String[] {
        Base64.getUrlEncoder().encodeToString(b),
        Base64.getUrlEncoder().withoutPadding().encodeToString(b),
        Base64.getEncoder().encodeToString(b),
        Base64.getEncoder().withoutPadding().encodeToString(b)}) {
      RegistryAuth a = RegistryAuthHeader.decode(encoded);
      assertThat(a.username()).isEqualTo("u?>");
      assertThat(a.password()).isEqualTo("p~~");
      assertThat(a.serverAddress()).isEqualTo("127.0.0.1:5000");
    }
  }

  @Test
  void emptyOrEmptyObject_isAnonymous() {
    assertThat(RegistryAuthHeader.decode("")).isEqualTo(RegistryAuth.ANONYMOUS);
    assertThat(RegistryAuthHeader.decode("e30=")).isEqualTo(RegistryAuth.ANONYMOUS);
  }

  @Test
  void garbage_isRefusedOrIgnored() {
    assertThatThrownBy(() -> RegistryAuthHeader.decode("!!!")).hasMessageStartingWith("invalid X-Registry-Auth header: ");
    assertThat(RegistryAuthHeader.lenient("!!!")).isEqualTo(RegistryAuth.ANONYMOUS);
  }

  @Test
  void registryConfig_isAMapOfAuthConfigs_inEveryAlphabet_andGarbageMeansNone() {
    byte[] b = ("{\"https://index.docker.io/v1/\":{\"username\":\"hub?>\",\"password\":\"x\"},"
        + "\"127.0.0.1:5000\":" + JSON + ",\"odd\":\"not an object\"}").getBytes(StandardCharsets.UTF_8);
    for (String encoded : new String[] {
        Base64.getUrlEncoder().encodeToString(b), Base64.getEncoder().withoutPadding().encodeToString(b)}) {
      var configs = RegistryAuthHeader.decodeConfigs(encoded);
      assertThat(configs).containsOnlyKeys("https://index.docker.io/v1/", "127.0.0.1:5000");
      assertThat(configs.get("https://index.docker.io/v1/").username()).isEqualTo("hub?>");
      assertThat(configs.get("127.0.0.1:5000").password()).isEqualTo("p~~");
    }
    assertThat(RegistryAuthHeader.decodeConfigs("!!!")).isEmpty();
    assertThat(RegistryAuthHeader.decodeConfigs(null)).isEmpty();
  }
}
