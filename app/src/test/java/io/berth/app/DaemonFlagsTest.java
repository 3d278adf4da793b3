package io.berth.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DaemonFlagsTest {
  @Test
  void parse_noFlags_dockerdLikeDefaults() throws Exception {
    DaemonFlags f = DaemonFlags.parse();

    assertThat(f.hosts()).isEmpty();
    assertThat(f.dataRoot()).isEqualTo(Path.of("/var/lib/berth"));
    assertThat(f.execRoot()).isEqualTo(Path.of("/run/berth"));
    assertThat(f.pidFile()).isNull();
    assertThat(f.logLevel()).isEqualTo("info");
  }

  @Test
  void parse_pflagForms_allUnderstood() throws Exception {
    DaemonFlags f = DaemonFlags.parse("-H", "unix:///a.sock", "-Htcp://127.0.0.1:1", "--host=unix:///b.sock",
        "--data-root", "/d", "--exec-root=/e", "-p", "/p.pid", "--log-level=debug", "--runtime", "/r",
        "--conmon=/c");

    assertThat(f.hosts()).containsExactly("unix:///a.sock", "tcp://127.0.0.1:1", "unix:///b.sock");
    assertThat(f.dataRoot()).isEqualTo(Path.of("/d"));
    assertThat(f.execRoot()).isEqualTo(Path.of("/e"));
    assertThat(f.pidFile()).isEqualTo(Path.of("/p.pid"));
    assertThat(f.logLevel()).isEqualTo("debug");
    assertThat(f.runc()).isEqualTo(Path.of("/r"));
    assertThat(f.conmon()).isEqualTo(Path.of("/c"));
  }

  @Test
  void parse_mistakes_pflagWords() {
    assertThatThrownBy(() -> DaemonFlags.parse("--nope")).hasMessage("unknown flag: --nope");
    assertThatThrownBy(() -> DaemonFlags.parse("-x")).hasMessage("unknown shorthand flag: 'x' in -x");
    assertThatThrownBy(() -> DaemonFlags.parse("--data-root")).hasMessage("flag needs an argument: --data-root");
  }

  @Test
  void parse_helpAndVersion() throws Exception {
    assertThat(DaemonFlags.parse("--help").help()).isTrue();
    assertThat(DaemonFlags.parse("-v").version()).isTrue();
  }

  @Test
  void parse_maxLayerSize_takesDockersSizes() throws Exception {
    assertThat(DaemonFlags.parse().maxLayerSize()).isZero();
    assertThat(DaemonFlags.parse("--max-layer-size", "10g").maxLayerSize()).isEqualTo(10L << 30);
    assertThat(DaemonFlags.parse("--max-layer-size=512MiB").maxLayerSize()).isEqualTo(512L << 20);
    assertThat(DaemonFlags.parse("--max-layer-size=1.5k").maxLayerSize()).isEqualTo(1536);
    assertThat(DaemonFlags.parse("--max-layer-size=4096").maxLayerSize()).isEqualTo(4096);
    assertThatThrownBy(() -> DaemonFlags.parse("--max-layer-size=lots"))
        .hasMessage("invalid argument \"lots\" for \"--max-layer-size\" flag: invalid size: 'lots'");
  }
}
