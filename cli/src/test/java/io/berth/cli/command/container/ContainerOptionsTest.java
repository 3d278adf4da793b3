package io.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.cli.flags.FlagParser;
import io.berth.cli.flags.FlagSet;
import io.berth.cli.flags.Parsed;
import io.berth.cli.flags.UsageError;
import io.berth.cli.format.JsonValues;
import java.nio.charset.StandardCharsets;
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

  private static String body(Parsed p, boolean detach) throws Exception {
    return new String(ContainerOptions.body(p, Map.of(), detach), StandardCharsets.UTF_8);
  }

  @Test
  void body_runFlags_becomeDockersCreateRequest() throws Exception {
    Object b = JsonValues.parse(ContainerOptions.body(parse("-u", "1000", "-w", "/tmp", "--entrypoint", "/bin/sh",
        "-h", "box", "-l", "a=b", "-l", "flag", "--rm", "busybox", "-c", "echo hi"), Map.of(), false));
    assertThat(JsonValues.string(b, "Image")).isEqualTo("busybox");
    assertThat(JsonValues.at(b, "Cmd")).isEqualTo(List.of("-c", "echo hi"));
    assertThat(JsonValues.at(b, "Entrypoint")).isEqualTo(List.of("/bin/sh"));
    assertThat(JsonValues.string(b, "User")).isEqualTo("1000");
    assertThat(JsonValues.string(b, "WorkingDir")).isEqualTo("/tmp");
    assertThat(JsonValues.string(b, "Hostname")).isEqualTo("box");
    assertThat(JsonValues.at(b, "Labels")).isEqualTo(Map.of("a", "b", "flag", ""));
    assertThat(JsonValues.at(b, "HostConfig")).isEqualTo(Map.of("AutoRemove", true));
    assertThat(JsonValues.bool(b, "AttachStdout")).isTrue();
    assertThat(JsonValues.bool(b, "AttachStdin")).isFalse();
  }

  @Test
  void body_noCommand_sendsNullCmdAndEntrypoint() throws Exception {
    Object b = JsonValues.parse(ContainerOptions.body(parse("busybox"), Map.of(), true));
    assertThat(((Map<?, ?>) b).containsKey("Cmd")).isTrue();
    assertThat(JsonValues.at(b, "Cmd")).isNull();
    assertThat(((Map<?, ?>) b).containsKey("Entrypoint")).isTrue();
    assertThat(JsonValues.at(b, "Entrypoint")).isNull();
    assertThat(JsonValues.bool(b, "AttachStdout")).isFalse();
  }

  /** The daemon gets the request data binding used to produce: same fields, order, nulls and escapes. */
  @Test
  void body_exactBytes_keepFieldsOrderNullsAndEscapes() throws Exception {
    assertThat(body(parse("busybox", "true"), false)).isEqualTo("{\"Hostname\":\"\",\"Domainname\":\"\",\"User\":\"\","
        + "\"AttachStdin\":false,\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":false,\"OpenStdin\":false,"
        + "\"StdinOnce\":false,\"Env\":[],\"Cmd\":[\"true\"],\"Image\":\"busybox\",\"WorkingDir\":\"\","
        + "\"Entrypoint\":null,\"Labels\":{},\"HostConfig\":{\"AutoRemove\":false},"
        + "\"NetworkingConfig\":{\"EndpointsConfig\":{}}}");
    assertThat(body(parse("-i", "--name", "n1", "-u", "1000:1", "-w", "/tmp", "-h", "host", "--entrypoint", "",
        "-l", "a=b", "-l", "flag", "-l", "q=\"x\"", "--network", "none", "-e", "X=a\"b\\c", "-e", "C=\u0001\u001f\u007f",
        "-e", "U=é€😀", "-e", "NL=a\nb\r\t\b\f", "busybox", "sh", "-c", "echo \"hi\\there\""), false))
        .isEqualTo("{\"Hostname\":\"host\",\"Domainname\":\"\",\"User\":\"1000:1\",\"AttachStdin\":true,"
            + "\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":false,\"OpenStdin\":true,\"StdinOnce\":true,"
            + "\"Env\":[\"X=a\\\"b\\\\c\",\"C=\\u0001\\u001F\u007f\",\"U=é€\\uD83D\\uDE00\",\"NL=a\\nb\\r\\t\\b\\f\"],"
            + "\"Cmd\":[\"sh\",\"-c\",\"echo \\\"hi\\\\there\\\"\"],\"Image\":\"busybox\",\"WorkingDir\":\"/tmp\","
            + "\"Entrypoint\":[\"\"],\"Labels\":{\"a\":\"b\",\"flag\":\"\",\"q\":\"\\\"x\\\"\"},"
            + "\"HostConfig\":{\"AutoRemove\":false,\"NetworkMode\":\"none\"},\"NetworkingConfig\":{\"EndpointsConfig\":{}}}");
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
