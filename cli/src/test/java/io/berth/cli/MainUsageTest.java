package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage errors are decided before any connection, with docker 28's wording and exit codes. */
class MainUsageTest {
  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("BERTH_HOST", "unix:///nonexistent/berth.sock"));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_startWithoutArguments_printsRequiresAtLeastOneAndExits1() {
    Result r = run("start");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("""
        berth: 'berth start' requires at least 1 argument

        Usage:  berth start [OPTIONS] CONTAINER [CONTAINER...]

        See 'berth start --help' for more information
        """);
  }

  @Test
  void run_containerRmWithoutArguments_namesTheFullCommandPath() {
    assertThat(run("container", "remove").err())
        .startsWith("berth: 'berth container rm' requires at least 1 argument\n\nUsage:  berth container rm [OPTIONS]");
  }

  @Test
  void run_unknownFlag_printsUsageAndExits125() {
    Result r = run("run", "--foo", "busybox");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).isEqualTo("""
        unknown flag: --foo

        Usage:  berth run [OPTIONS] IMAGE [COMMAND] [ARG...]

        Run 'berth run --help' for more information
        """);
  }

  @Test
  void run_unknownShorthandInCluster_namesTheLetter() {
    assertThat(run("ps", "-qx").err()).startsWith("unknown shorthand flag: 'x' in -qx\n");
  }

  @Test
  void run_flagMissingValue_saysFlagNeedsAnArgument() {
    assertThat(run("ps", "-n").err()).startsWith("flag needs an argument: 'n' in -n\n");
    assertThat(run("run", "--name").err()).startsWith("flag needs an argument: --name\n");
  }

  @Test
  void run_badIntFlag_quotesGoParseError() {
    Result r = run("ps", "-n", "abc");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).startsWith(
        "invalid argument \"abc\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n");
  }

  @Test
  void run_unknownCommand_exits1() {
    Result r = run("foo");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("berth: unknown command: berth foo\n\nRun 'berth --help' for more information\n");
  }

  @Test
  void run_unknownGroupCommand_showsGroupUsage() {
    assertThat(run("image", "frobnicate").err()).isEqualTo("""
        berth: unknown command: berth image frobnicate

        Usage:  berth image

        Run 'berth image --help' for more information
        """);
  }

  @Test
  void run_tooManyArguments_usesDockersWording() {
    assertThat(run("ps", "x").err()).startsWith("berth: 'berth ps' accepts no arguments\n");
    assertThat(run("logs", "a", "b").err()).startsWith("berth: 'berth logs' requires 1 argument\n");
    assertThat(run("tag", "a").err()).startsWith("berth: 'berth tag' requires 2 arguments\n");
  }

  @Test
  void run_unknownGlobalFlag_showsRootUsage() {
    Result r = run("--foo", "ps");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).startsWith("unknown flag: --foo\n\nUsage:  berth [OPTIONS] COMMAND [ARG...]\n");
  }

  @Test
  void run_version_printsBerthVersion() {
    Result r = run("-v");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Berth version 0.1.0, build ");
  }

  @Test
  void run_daemonUnreachable_printsCannotConnect() {
    Result r = run("ps");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo(
        "Cannot connect to the Berth daemon at unix:///nonexistent/berth.sock. Is the berth daemon running?\n");
  }

  @Test
  void run_runWithDaemonUnreachable_exits125WithHelpHint() {
    Result r = run("run", "busybox");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).isEqualTo("berth: Cannot connect to the Berth daemon at unix:///nonexistent/berth.sock."
        + " Is the berth daemon running?\n\nRun 'berth run --help' for more information\n");
  }

  @Test
  void run_tty_isRejectedWithExit125() {
    Result r = run("run", "-t", "busybox");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).startsWith("berth: -t (TTY) is not supported yet.");
  }

  @Test
  void run_help_printsUsageOnStdout() {
    Result r = run("stop", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("""
        Usage:  berth stop [OPTIONS] CONTAINER [CONTAINER...]

        Stop one or more running containers

        Aliases:
          berth container stop, berth stop

        Options:
          -s, --signal string   Signal to send to the container
          -t, --timeout int     Seconds to wait before killing the container
        """);
  }
}
