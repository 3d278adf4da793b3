package io.berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerHostTest {
  @Test
  void resolve_flagWins_overBothVariables() {
    DockerHost h = DockerHost.resolve("unix:///a.sock", Map.of("BERTH_HOST", "unix:///b.sock", "DOCKER_HOST", "unix:///c.sock"));
    assertThat(h.socket()).isEqualTo(Path.of("/a.sock"));
  }

  @Test
  void resolve_berthHost_beforeDockerHost() {
    assertThat(DockerHost.resolve(null, Map.of("BERTH_HOST", "unix:///b.sock", "DOCKER_HOST", "unix:///c.sock")).uri())
        .isEqualTo("unix:///b.sock");
    assertThat(DockerHost.resolve("", Map.of("DOCKER_HOST", "unix:///c.sock")).uri()).isEqualTo("unix:///c.sock");
  }

  @Test
  void resolve_nothingSet_usesBerthSocket() {
    assertThat(DockerHost.resolve(null, Map.of()).uri()).isEqualTo("unix:///run/berth/berth.sock");
  }

  @Test
  void parse_tcpForms_defaultPortAndBareHost() {
    DockerHost h = DockerHost.parse("tcp://127.0.0.1:2376");
    assertThat(h.isUnix()).isFalse();
    assertThat(h.host()).isEqualTo("127.0.0.1");
    assertThat(h.port()).isEqualTo(2376);
    assertThat(DockerHost.parse("tcp://example").port()).isEqualTo(2375);
    assertThat(DockerHost.parse("localhost:1234").uri()).isEqualTo("tcp://localhost:1234");
  }

  @Test
  void parse_unknownScheme_fails() {
    assertThatThrownBy(() -> DockerHost.parse("ftp://x")).hasMessage("invalid bind address format: ftp://x");
  }
}
