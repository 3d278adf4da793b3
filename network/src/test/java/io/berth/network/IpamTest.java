package io.berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpamTest {
  @TempDir Path dir;
  private final Subnet small = Subnet.parse("10.213.7.0/29");

  /** --ip-range: addresses come from the range, lowest first; the subnet's gateway is never one. */
  @Test
  void allocate_withAPool_takesItsAddressesOnly() {
    Ipam ipam = new Ipam(dir);
    Subnet subnet = Subnet.parse("172.28.0.0/16");
    Subnet pool = Subnet.parse("172.28.5.0/24");

    assertThat(Subnet.format(ipam.allocate("n", subnet, pool, "a", null))).isEqualTo("172.28.5.0");
    assertThat(Subnet.format(ipam.allocate("n", subnet, pool, "b", null))).isEqualTo("172.28.5.1");
    assertThat(Subnet.format(ipam.allocate("n", subnet, pool, "c", "172.28.9.9"))).isEqualTo("172.28.9.9");
  }

  @Test
  void subnet_hostsAndGateway() {
    assertThat(small.cidr()).isEqualTo("10.213.7.0/29");
    assertThat(small.gatewayAddress()).isEqualTo("10.213.7.1");
    assertThat(Subnet.format(small.lastHost())).isEqualTo("10.213.7.6");
    assertThat(Subnet.parse("10.213.7.9/24").cidr()).isEqualTo("10.213.7.0/24");
    assertThatThrownBy(() -> Subnet.parse("10.213.300.0/24")).isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> small.withGateway("10.213.8.1")).hasMessage("no matching subnet for gateway 10.213.8.1");
  }

  @Test
  void allocate_lowestFree_skipsTheGateway_reusesReleased_andSurvivesARestart() {
    Ipam ipam = new Ipam(dir);
    assertThat(Subnet.format(ipam.allocate("n", small, "a", null))).isEqualTo("10.213.7.2");
    assertThat(Subnet.format(ipam.allocate("n", small, "b", null))).isEqualTo("10.213.7.3");
    assertThat(Subnet.format(ipam.allocate("n", small, "a", null))).as("a holds its address").isEqualTo("10.213.7.2");
    ipam.release("n", "a");
    Ipam reopened = new Ipam(dir);
    assertThat(reopened.leases("n")).containsOnlyKeys("10.213.7.3");
    assertThat(Subnet.format(reopened.allocate("n", small, "c", null))).isEqualTo("10.213.7.2");
    reopened.release("n", "nobody");
  }

  @Test
  void allocate_requestedAddress_inUseOrOutside_andAFullPool_areRefused() {
    Ipam ipam = new Ipam(dir);
    assertThat(Subnet.format(ipam.allocate("n", small, "a", "10.213.7.5"))).isEqualTo("10.213.7.5");
    assertThatThrownBy(() -> ipam.allocate("n", small, "b", "10.213.7.5")).isInstanceOf(ConflictException.class)
        .hasMessage("Address already in use");
    assertThatThrownBy(() -> ipam.allocate("n", small, "b", "10.213.7.1")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ipam.allocate("n", small, "b", "10.9.9.9")).isInstanceOf(InvalidParameterException.class);
    for (String c : new String[] {"b", "c", "d", "e"}) {
      ipam.allocate("n", small, c, null);
    }
    assertThatThrownBy(() -> ipam.allocate("n", small, "f", null)).isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("no available IPv4 addresses");
  }

  @Test
  void allocate_concurrently_neverHandsOutAnAddressTwice() throws Exception {
    Ipam ipam = new Ipam(dir);
    Subnet wide = Subnet.parse("10.213.0.0/24");
    Set<Integer> got = ConcurrentHashMap.newKeySet();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 100; i++) {
        String id = "c" + i;
        pool.submit(() -> got.add(ipam.allocate("n", wide, id, null)));
      }
    }
    assertThat(got).hasSize(100);
    assertThat(new HashSet<>(ipam.leases("n").values())).hasSize(100);
  }
}
