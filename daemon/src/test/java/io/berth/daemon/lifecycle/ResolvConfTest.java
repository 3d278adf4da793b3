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

  @Test
  void dnsSearchAndOptions_replaceTheHostsLines() {
    String host = "nameserver 10.0.0.2\nsearch corp.example\noptions edns0\nsortlist 10.0.0.0\n";

    assertThat(ResolvConf.generate(host, true, java.util.List.of("1.1.1.1", "fd00::53"), java.util.List.of("a.example", "b.example"),
        java.util.List.of("ndots:2")))
        .isEqualTo("nameserver 1.1.1.1\nnameserver fd00::53\nsearch a.example b.example\nsortlist 10.0.0.0\noptions ndots:2\n");
    assertThat(ResolvConf.generate(host, true, java.util.List.of(), java.util.List.of("."), java.util.List.of()))
        .isEqualTo("nameserver 10.0.0.2\noptions edns0\nsortlist 10.0.0.0\n");
    // the host's namespace reaches the host's loopback resolver
    assertThat(ResolvConf.generate("nameserver 127.0.0.53\n", false, java.util.List.of(), java.util.List.of(), java.util.List.of()))
        .isEqualTo("nameserver 127.0.0.53\n");
  }
}
