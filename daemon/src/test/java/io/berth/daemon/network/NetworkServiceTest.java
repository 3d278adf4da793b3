package io.berth.daemon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.network.NetworkInspect;
import io.berth.common.error.ForbiddenException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.filter.Filters;
import io.berth.daemon.Configs;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkServiceTest {
  @TempDir Path root;

  @Test
  void predefinedNetworks_keepTheirIdsAcrossRestarts() {
    var store = new ContainerStore(root.resolve("containers"));
    List<NetworkInspect> first = new NetworkService(store, root.resolve("network")).networkList(Filters.EMPTY, false);
    List<NetworkInspect> again = new NetworkService(store, root.resolve("network")).networkList(Filters.EMPTY, false);

    assertThat(first).extracting(NetworkInspect::name).containsExactly("host", "none");
    assertThat(first).extracting(NetworkInspect::driver).containsExactly("host", "null");
    assertThat(again).extracting(NetworkInspect::id).isEqualTo(first.stream().map(NetworkInspect::id).toList());
    assertThat(first.getFirst().ipam().config()).isNull();
  }

  @Test
  void defaultBridge_isListedFirst_withItsSubnetAndInterface() {
    var store = new ContainerStore(root.resolve("containers"));
    var networks = new NetworkService(store, root.resolve("network"), "berth0",
        io.berth.network.Subnet.parse("10.66.0.0/16"), null);

    NetworkInspect bridge = networks.networkInspect("bridge");

    assertThat(networks.networkList(Filters.EMPTY, false)).extracting(NetworkInspect::name)
        .containsExactly("bridge", "host", "none");
    assertThat(bridge.driver()).isEqualTo("bridge");
    assertThat(bridge.ipam().config()).containsExactly(Map.of("Subnet", "10.66.0.0/16", "Gateway", "10.66.0.1"));
    assertThat(bridge.options()).containsEntry("com.docker.network.bridge.name", "berth0")
        .containsEntry("com.docker.network.bridge.default_bridge", "true");
    assertThat(networks.idOf("bridge")).isEqualTo(bridge.id());
  }

  @Test
  void inspect_byIdNameOrPrefix_listsTheRunningContainersInThatMode() throws Exception {
    var store = new ContainerStore(root.resolve("containers"));
    String id = "a".repeat(64);
    Files.createDirectories(store.dirFor(id));
    store.add(Configs.container(id, "quiet", store.dirFor(id), new ContainerState.Running(1, 2, Instant.now())));
    var networks = new NetworkService(store, root.resolve("network"));
    NetworkInspect none = networks.networkInspect("none");

    // a container stored with mode "default" runs without a network
    assertThat(none.containers()).containsOnlyKeys(id);
    assertThat(none.containers().get(id).name()).isEqualTo("quiet");
    assertThat(networks.networkInspect(none.id()).name()).isEqualTo("none");
    assertThat(networks.networkInspect(none.id().substring(0, 12)).name()).isEqualTo("none");
    assertThat(networks.networkInspect("host").containers()).isEmpty();
    assertThat(networks.networkList(Filters.EMPTY, false)).allSatisfy(n -> assertThat(n.containers()).isEmpty());
    assertThatThrownBy(() -> networks.networkInspect("bridge")).isInstanceOf(NotFoundException.class)
        .hasMessage("network bridge not found");
  }

  @Test
  void filters_removeAndPrune_asDockerdAnswersForPredefinedNetworks() {
    var networks = new NetworkService(new ContainerStore(root.resolve("containers")), root.resolve("network"));

    assertThat(networks.networkList(new Filters(Map.of("driver", List.of("null"))), false))
        .extracting(NetworkInspect::name).containsExactly("none");
    assertThat(networks.networkList(new Filters(Map.of("type", List.of("custom"))), false)).isEmpty();
    assertThat(networks.networkList(new Filters(Map.of("dangling", List.of("true"))), false)).isEmpty();
    assertThatThrownBy(() -> networks.networkList(new Filters(Map.of("nope", List.of("x"))), false))
        .isInstanceOf(InvalidParameterException.class).hasMessage("invalid filter 'nope'");
    assertThatThrownBy(() -> networks.networkRemove("host")).isInstanceOf(ForbiddenException.class)
        .hasMessage("host is a pre-defined network and cannot be removed");
    assertThat(networks.networkPrune(Filters.EMPTY).networksDeleted()).isNull();
  }
}
