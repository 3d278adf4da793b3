package io.berth.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {
  @Test
  void infoConfig_isWhatDockerdReports() {
    var c = new RegistrySettings(List.of("http://127.0.0.1:5000", "https://mirror.example/"),
        List.of("myreg:5000", "10.0.0.0/8", "http://other:443"), 3, 5, 5).infoConfig();

    assertThat(c.insecureRegistryCidrs()).containsExactly("10.0.0.0/8", "::1/128", "127.0.0.0/8");
    assertThat(c.mirrors()).containsExactly("http://127.0.0.1:5000/", "https://mirror.example/");
    assertThat(c.indexConfigs()).containsOnlyKeys("docker.io", "myreg:5000", "other:443");
    assertThat(c.indexConfigs().get("docker.io")).isEqualTo(Map.of("Name", "docker.io",
        "Mirrors", List.of("http://127.0.0.1:5000/", "https://mirror.example/"), "Secure", true, "Official", true));
    assertThat(c.indexConfigs().get("myreg:5000")).isEqualTo(Map.of("Name", "myreg:5000", "Mirrors", List.of(),
        "Secure", false, "Official", false));
  }

  @Test
  void infoConfig_withoutFlags_hasLoopbackAndHub() {
    var c = RegistrySettings.DEFAULTS.infoConfig();

    assertThat(c.insecureRegistryCidrs()).containsExactly("::1/128", "127.0.0.0/8");
    assertThat(c.indexConfigs()).containsOnlyKeys("docker.io");
    assertThat(c.mirrors()).isEmpty();
  }
}
