package io.berth.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void parse_acceptsEveryFormDockerHasAndStoresDockersOwn() {
    assertThat(Links.Link.parse("db")).isEqualTo(new Links.Link("db", "db"));
    assertThat(Links.Link.parse("db:database")).isEqualTo(new Links.Link("db", "database"));
    assertThat(Links.Link.parse("/db:/web/database")).isEqualTo(new Links.Link("db", "database"));
    assertThat(new Links.Link("db", "database").stored("web")).isEqualTo("/db:/web/database");
  }

  @Test
  void env_namesPortsRangesAndTheChildsEnvironment_asDockerd() {
    Map<String, Object> exposed = new java.util.LinkedHashMap<>();
    exposed.put("53/udp", Map.of());
    exposed.put("5432/tcp", Map.of());
    exposed.put("5433/tcp", Map.of());

    List<String> env = Links.env("web", new Links.Link("db", "my-db"), "10.66.0.3",
        List.of("PATH=/bin", "POSTGRES_USER=app", "HOME=/root"), exposed);

    assertThat(env).containsExactly(
        "MY_DB_PORT=udp://10.66.0.3:53",
        "MY_DB_PORT_5432_TCP=tcp://10.66.0.3:5432", "MY_DB_PORT_5432_TCP_ADDR=10.66.0.3",
        "MY_DB_PORT_5432_TCP_PORT=5432", "MY_DB_PORT_5432_TCP_PROTO=tcp",
        "MY_DB_PORT_5433_TCP=tcp://10.66.0.3:5433", "MY_DB_PORT_5433_TCP_ADDR=10.66.0.3",
        "MY_DB_PORT_5433_TCP_PORT=5433", "MY_DB_PORT_5433_TCP_PROTO=tcp",
        // dockerd writes a range once the port after it is seen
        "MY_DB_PORT_53_UDP=udp://10.66.0.3:53", "MY_DB_PORT_53_UDP_ADDR=10.66.0.3",
        "MY_DB_PORT_53_UDP_PORT=53", "MY_DB_PORT_53_UDP_PROTO=udp",
        "MY_DB_PORT_5432_TCP_START=tcp://10.66.0.3:5432", "MY_DB_PORT_5432_TCP_PORT_START=5432",
        "MY_DB_PORT_5432_TCP_END=tcp://10.66.0.3:5433", "MY_DB_PORT_5432_TCP_PORT_END=5433",
        "MY_DB_NAME=/web/my-db", "MY_DB_ENV_POSTGRES_USER=app");
    assertThat(Links.hostsLine(new Links.Link("db", "my-db"), "10.66.0.3", "abc123")).isEqualTo("10.66.0.3\tmy-db abc123 db");
  }
}
