package io.berth.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResolvConfTest {
  @Test
  void loopbackAndIpv6Nameservers_areDropped_searchAndOptionsKept() {
    String host = "# comment\nnameserver 127.0.0.53\nnameserver 10.0.0.2\nnameserver fd00::1\n"
        + "search example.com\noptions edns0 trust-ad\n";

    assertThat(ResolvConf.forOwnNamespace(host))
        .isEqualTo("nameserver 10.0.0.2\nsearch example.com\noptions edns0 trust-ad\n");
  }

  @Test
  void noUsableNameserver_fallsBackToDockersDefaults() {
    assertThat(ResolvConf.forOwnNamespace("nameserver 127.0.0.1\nnameserver ::1\n"))
        .isEqualTo("nameserver 8.8.8.8\nnameserver 8.8.4.4\n");
    assertThat(ResolvConf.forOwnNamespace("")).isEqualTo("nameserver 8.8.8.8\nnameserver 8.8.4.4\n");
  }
}
