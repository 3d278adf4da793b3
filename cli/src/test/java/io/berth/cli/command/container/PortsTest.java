package io.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {
  private static Map<String, Object> port(String ip, int priv, int pub, String type) {
    return ip == null ? Map.of("PrivatePort", priv, "Type", type) : Map.of("IP", ip, "PrivatePort", priv, "PublicPort", pub, "Type", type);
  }

  @Test
  void display_sortsGroupsRangesAndMapsLikeDocker() {
    List<Object> raw = List.of(port(null, 9001, 0, "tcp"), port("0.0.0.0", 80, 8080, "tcp"), port(null, 9000, 0, "tcp"),
        port(null, 53, 0, "udp"), port("0.0.0.0", 443, 443, "tcp"), port(null, 9002, 0, "tcp"));
    assertThat(Ports.display(raw)).isEqualTo("53/udp, 0.0.0.0:443->443/tcp, 9000-9002/tcp, 0.0.0.0:8080->80/tcp");
  }

  @Test
  void isImageId_acceptsBareAndPrefixedHexOnly() {
    String hex = "0123456789abcdef".repeat(4);
    assertThat(ContainerRow.isImageId(hex)).isTrue();
    assertThat(ContainerRow.isImageId("sha256:" + hex)).isTrue();
    assertThat(ContainerRow.isImageId("sha256:" + hex.substring(1))).isFalse();
    assertThat(ContainerRow.isImageId(hex.toUpperCase(java.util.Locale.ROOT))).isFalse();
    assertThat(ContainerRow.isImageId("busybox")).isFalse();
  }
}
