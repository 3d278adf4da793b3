package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  /** The options of {@code docker run --help} (docker 28.2.2), as pflag lists them: names and value type. */
  private static final List<String> DOCKER_RUN_OPTIONS = List.of(
      "--add-host list", "--annotation map", "-a, --attach list", "--blkio-weight uint16",
      "--blkio-weight-device list", "--cap-add list", "--cap-drop list", "--cgroup-parent string",
      "--cgroupns string", "--cidfile string", "--cpu-count int", "--cpu-percent int", "--cpu-period int",
      "--cpu-quota int", "--cpu-rt-period int", "--cpu-rt-runtime int", "-c, --cpu-shares int",
      "--cpus decimal", "--cpuset-cpus string", "--cpuset-mems string", "-d, --detach", "--detach-keys string",
      "--device list", "--device-cgroup-rule list", "--device-read-bps list", "--device-read-iops list",
      "--device-write-bps list", "--device-write-iops list", "--disable-content-trust", "--dns list",
      "--dns-option list", "--dns-search list", "--domainname string", "--entrypoint string", "-e, --env list",
      "--env-file list", "--expose list", "--gpus gpu-request", "--group-add list", "--health-cmd string",
      "--health-interval duration", "--health-retries int", "--health-start-interval duration",
      "--health-start-period duration", "--health-timeout duration", "--help", "-h, --hostname string",
      "--init", "-i, --interactive", "--io-maxbandwidth bytes", "--io-maxiops uint", "--ip string",
      "--ip6 string", "--ipc string", "--isolation string", "--kernel-memory bytes", "-l, --label list",
      "--label-file list", "--link list", "--link-local-ip list", "--log-driver string", "--log-opt list",
      "--mac-address string", "-m, --memory bytes", "--memory-reservation bytes", "--memory-swap bytes",
      "--memory-swappiness int", "--mount mount", "--name string", "--network network", "--network-alias list",
      "--no-healthcheck", "--oom-kill-disable", "--oom-score-adj int", "--pid string", "--pids-limit int",
      "--platform string", "--privileged", "-p, --publish list", "-P, --publish-all", "--pull string",
      "-q, --quiet", "--read-only", "--restart string", "--rm", "--runtime string", "--security-opt list",
      "--shm-size bytes", "--sig-proxy", "--stop-signal string", "--stop-timeout int", "--storage-opt list",
      "--sysctl map", "--tmpfs list", "-t, --tty", "--ulimit ulimit", "--use-api-socket", "-u, --user string",
      "--userns string", "--uts string", "-v, --volume list", "--volume-driver string", "--volumes-from list",
      "-w, --workdir string"
);

  /** The left column of an Options listing: one entry per flag, continuation lines skipped. */
  private static List<String> options(String help) {
    List<String> out = new ArrayList<>();
    boolean inOptions = false;
    for (String line : help.split("\n")) {
      if (line.equals("Options:")) {
        inOptions = true;
      } else if (inOptions && line.startsWith("  ") && line.strip().startsWith("-")) {
        out.add(line.strip().split(" {3,}")[0]);
      }
    }
    return out;
  }

  @Test
  void run_help_listsEveryFlagOfDockerRunWithItsType() {
    assertThat(options(run("run", "--help").out())).containsExactlyElementsOf(DOCKER_RUN_OPTIONS);
    List<String> create = new ArrayList<>(DOCKER_RUN_OPTIONS);
    create.removeAll(List.of("-d, --detach", "--detach-keys string", "--sig-proxy"));
    assertThat(options(run("create", "--help").out())).containsExactlyElementsOf(create);
  }

  @Test
  void run_help_alignsMultiLineUsageUnderItsFirstLine() {
    assertThat(run("run", "--help").out()).contains("""
              --cgroupns string                  Cgroup namespace to use (host|private)
                                                 'host':    Run the container in the Docker host's cgroup namespace
        """);
  }

  @Test
  void run_unsupportedFlag_isRefusedWithExit125BeforeConnecting() {
    Result r = run("run", "-d", "--cgroup-parent", "/x", "nginx");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).isEqualTo("""
        berth: berth does not support --cgroup-parent yet

        Run 'berth run --help' for more information
        """);
    r = run("create", "--kernel-memory", "1g", "nginx");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).isEqualTo("""
        berth: berth does not support --kernel-memory yet

        Run 'berth create --help' for more information
        """);
  }

  @Test
  void run_badBytesValue_isAFlagErrorWithUsage() {
    Result r = run("run", "--shm-size", "lots", "busybox");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).isEqualTo("""
        invalid argument "lots" for "--shm-size" flag: invalid size: 'lots'

        Usage:  berth run [OPTIONS] IMAGE [COMMAND] [ARG...]

        Run 'berth run --help' for more information
        """);
  }
}
