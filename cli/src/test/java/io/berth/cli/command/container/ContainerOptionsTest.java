package io.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.cli.flags.FlagParser;
import io.berth.cli.flags.FlagSet;
import io.berth.cli.flags.Parsed;
import io.berth.cli.flags.UsageError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerOptionsTest {
  private static Parsed parse(String... args) {
    FlagSet f = new FlagSet();
    ContainerOptions.declare(f, true);
    return FlagParser.parse(f, List.of(args));
  }

  @Test
  void body_runFlags_becomeDockersCreateRequest() throws Exception {
    ObjectNode b = ContainerOptions.body(parse("-u", "1000", "-w", "/tmp", "--entrypoint", "/bin/sh", "-h", "box",
        "-l", "a=b", "-l", "flag", "--rm", "busybox", "-c", "echo hi"), Map.of(), false);
    assertThat(b.get("Image").asText()).isEqualTo("busybox");
    assertThat(b.get("Cmd").toString()).isEqualTo("[\"-c\",\"echo hi\"]");
    assertThat(b.get("Entrypoint").toString()).isEqualTo("[\"/bin/sh\"]");
    assertThat(b.get("User").asText()).isEqualTo("1000");
    assertThat(b.get("WorkingDir").asText()).isEqualTo("/tmp");
    assertThat(b.get("Hostname").asText()).isEqualTo("box");
    assertThat(b.get("Labels").toString()).isEqualTo("{\"a\":\"b\",\"flag\":\"\"}");
    assertThat(b.get("HostConfig").toString()).isEqualTo("{\"AutoRemove\":true}");
    assertThat(b.get("AttachStdout").asBoolean()).isTrue();
    assertThat(b.get("AttachStdin").asBoolean()).isFalse();
  }

  @Test
  void body_noCommand_sendsNullCmdAndEntrypoint() throws Exception {
    ObjectNode b = ContainerOptions.body(parse("busybox"), Map.of(), true);
    assertThat(b.get("Cmd").isNull()).isTrue();
    assertThat(b.get("Entrypoint").isNull()).isTrue();
    assertThat(b.get("AttachStdout").asBoolean()).isFalse();
  }

  @Test
  void env_bareName_takesValueFromEnvironmentOrStaysBare() throws Exception {
    assertThat(ContainerOptions.env(parse("-e", "HOME", "-e", "UNSET", "-e", "X=1", "img"), Map.of("HOME", "/root")))
        .containsExactly("HOME=/root", "UNSET", "X=1");
  }

  @Test
  void env_envFile_readFirstWithDockerRules(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("env");
    Files.writeString(f, "# comment\n\n  A=1 2\nHOME\nMISSING\nB=\n");
    assertThat(ContainerOptions.env(parse("--env-file", f.toString(), "-e", "C=3", "img"), Map.of("HOME", "/h")))
        .containsExactly("A=1 2", "HOME=/h", "B=", "C=3");
  }

  @Test
  void envFile_keyWithSpace_isRejected(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("env");
    Files.writeString(f, "BAD KEY=1\n");
    assertThatThrownBy(() -> ContainerOptions.envFile(f, Map.of()))
        .hasMessage("invalid env file (" + f + "): variable 'BAD KEY' contains whitespaces");
  }

  @Test
  void labels_emptyName_isAFlagError() {
    assertThatThrownBy(() -> ContainerOptions.labels(parse("-l", "=x", "img"))).isInstanceOf(UsageError.class)
        .hasMessage("invalid argument \"=x\" for \"-l, --label\" flag: invalid label '=x': empty name");
  }

  @Test
  void timestamps_relativeAndAbsolute_convertLikeDocker() {
    java.time.Instant now = java.time.Instant.ofEpochSecond(1_000_000);
    assertThat(Timestamps.toApi("10m", now)).isEqualTo("999400");
    assertThat(Timestamps.toApi("1h30m", now)).isEqualTo("994600");
    assertThat(Timestamps.toApi("2013-01-02T13:23:37Z", now)).isEqualTo("1357133017.000000000");
    assertThat(Timestamps.toApi("1357133017", now)).isEqualTo("1357133017");
    assertThatThrownBy(() -> Timestamps.toApi("soon", now)).hasMessage("failed to parse value as time or duration: \"soon\"");
  }
}
