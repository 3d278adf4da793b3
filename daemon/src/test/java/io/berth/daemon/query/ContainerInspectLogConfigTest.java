package io.berth.daemon.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.container.ContainerInspect;
import io.berth.api.model.container.HostConfig;
import io.berth.daemon.Configs;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-py reads {@code HostConfig.LogConfig.Type} of every inspect without checking. */
class ContainerInspectLogConfigTest {
  private static final Path DIR = Path.of("/var/lib/berth/containers/c");

  private static Container withHost(HostConfig h) {
    var c = Configs.container("c".repeat(64), "web", DIR, new ContainerState.Created(0, ""));
    return new Container(c.id(), c.name(), c.created(), c.imageId(), c.path(), c.args(), c.config(),
        h, c.state(), c.dir());
  }

  @Test
  void inspect_createdWithoutLogConfig_showsTheDaemonsDriver() {
    ContainerInspect i = ContainerViews.inspect(withHost(HostConfig.empty()), "/g");

    assertThat(i.hostConfig().logConfig().type()).isEqualTo("k8s-file");
    assertThat(i.hostConfig().logConfig().config()).isEmpty();
  }

  @Test
  void inspect_emptyLogType_showsTheDaemonsDriver() throws Exception {
    HostConfig h = io.berth.common.json.Json.mapper().readValue(
        "{\"LogConfig\":{\"Type\":\"\",\"Config\":{}}}", HostConfig.class);

    ContainerInspect i = ContainerViews.inspect(withHost(h), "/g");

    assertThat(i.hostConfig().logConfig().type()).isEqualTo("k8s-file");
  }

  @Test
  void inspect_unreadableRecord_stillHasLogType() {
    var dead = withHost(HostConfig.empty()).withState(new ContainerState.Dead(0, "cannot read"));

    assertThat(ContainerViews.inspect(dead, "/g").hostConfig().logConfig().type()).isNotEmpty();
  }

  @Test
  void inspect_givenLogConfig_isKept() throws Exception {
    HostConfig h = io.berth.common.json.Json.mapper().readValue(
        "{\"LogConfig\":{\"Type\":\"k8s-file\",\"Config\":{\"max-size\":\"1m\"}}}", HostConfig.class);

    ContainerInspect i = ContainerViews.inspect(withHost(h), "/g");

    assertThat(i.hostConfig().logConfig().config()).isEqualTo(Map.of("max-size", "1m"));
  }
}
