package io.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryHostsTest {
  @Test
  void hub_usesMirrorsFirst() {
    var hosts = new RegistryHosts(List.of("http://127.0.0.1:5000/"), List.of());
    assertThat(hosts.endpoints("docker.io")).extracting(e -> e.base().toString(), Endpoint::mirror)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("http://127.0.0.1:5000", true),
            org.assertj.core.groups.Tuple.tuple("https://registry-1.docker.io", false));
  }

  @Test
  void loopback_isInsecure_httpsWithoutChecksThenHttp() {
    var eps = RegistryHosts.defaults().endpoints("localhost:5000");
    assertThat(eps).extracting(e -> e.base().toString()).containsExactly("https://localhost:5000", "http://localhost:5000");
    assertThat(eps).allMatch(e -> !e.verifyTls());
  }

  @Test
  void otherHosts_areSecure_unlessNamed() {
    assertThat(RegistryHosts.defaults().endpoints("10.1.2.3:5000"))
        .extracting(e -> e.base().toString()).containsExactly("https://10.1.2.3:5000");
    var named = new RegistryHosts(List.of(), List.of("10.1.2.3:5000", "192.168.0.0/16"));
    assertThat(named.insecure("10.1.2.3:5000")).isTrue();
    assertThat(named.insecure("192.168.7.8")).isTrue();
    assertThat(named.insecure("10.1.2.4:5000")).isFalse();
  }

  @Test
  void badMirror_isRefused() {
    assertThatThrownBy(() -> new RegistryHosts(List.of("ftp://x"), List.of()))
        .hasMessageContaining("invalid mirror");
  }
}
