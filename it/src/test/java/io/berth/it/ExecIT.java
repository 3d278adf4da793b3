package io.berth.it;

import static io.berth.it.DockerCliIT.dockerWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docker exec against a real berthd: output, stdin, terminals, exit codes and Docker's failures. */
@Tag("privileged")
class ExecIT extends SharedDaemon {
  @BeforeAll
  static void container() throws Exception {
    daemon.bootstrapBusybox();
    Cmd run = docker("run", "-d", "--name", "ex", "-e", "FROM_RUN=1", "-w", "/srv", "busybox", "sleep", "600");
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @AfterAll
  static void remove() throws Exception {
    if (daemon != null) {
      docker("rm", "-f", "ex", "stopped");
    }
  }

  private static Cmd docker(String... args) throws Exception {
    return dockerWith(daemon, null, args);
  }

  @Test
  void exec_outputStreamsAndExitCode() throws Exception {
    Cmd r = docker("exec", "ex", "sh", "-c", "echo out; echo err >&2; echo $FROM_RUN; pwd; exit 3");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("out\n1\n/srv\n");
    assertThat(r.err()).isEqualTo("err\n");
  }

  @Test
  void exec_stdinUserWorkdirEnv() throws Exception {
    Cmd in = dockerWith(daemon, "line one\nline two\n".getBytes(StandardCharsets.UTF_8), "exec", "-i", "ex", "sh", "-c",
        "wc -l; cat /proc/self/status | grep -c Uid");
    assertThat(in.out()).as(in.err()).isEqualTo("2\n1\n");
    Cmd who = docker("exec", "-u", "1000:1000", "-w", "/tmp", "-e", "FOO=bar", "-e", "FROM_RUN=2", "ex", "sh", "-c",
        "id -u; id -g; pwd; echo $FOO $FROM_RUN");
    assertThat(who.out()).as(who.err()).isEqualTo("1000\n1000\n/tmp\nbar 2\n");
    Cmd nobody = docker("exec", "-u", "nosuchuser", "ex", "true");
    assertThat(nobody.exit()).isEqualTo(1);
    assertThat(nobody.err()).contains("unable to find user nosuchuser: no matching entries in passwd file");
  }

  @Test
  void exec_detached_thenInspectedByTheApi() throws Exception {
    assertThat(docker("exec", "-d", "ex", "sh", "-c", "echo done > /tmp/detached").exit()).isZero();
    Wait.until(java.time.Duration.ofSeconds(10), () -> docker("exec", "ex", "cat", "/tmp/detached").out().equals("done\n"),
        "the detached exec's write");
  }

  @Test
  void exec_missingCommand_is127InDockersWords() throws Exception {
    Cmd r = docker("exec", "ex", "nosuchcommand");
    assertThat(r.exit()).isEqualTo(127);
    assertThat(r.out() + r.err()).contains("OCI runtime exec failed: exec failed: unable to start container process:"
        + " exec: \"nosuchcommand\": executable file not found in $PATH: unknown");
  }

  @Test
  void exec_inAStoppedContainer_failsAsDockerDoes() throws Exception {
    String id = docker("create", "--name", "stopped", "busybox", "true").out().strip();
    Cmd r = docker("exec", "stopped", "true");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error response from daemon: container " + id + " is not running\n");
    Cmd missing = docker("exec", "nosuch", "true");
    assertThat(missing.err()).isEqualTo("Error response from daemon: No such container: nosuch\n");
  }

  /** exec -it: the detach keys end the session, the process runs on, and exec inspect says so. */
  @Test
  void exec_terminalDetach_leavesTheProcessRunning() throws Exception {
    String id;
    try (var r = daemon.client().request("POST", "/v1.50/containers/ex/exec", java.util.Map.of("Content-Type",
        "application/json"), ("{\"Cmd\":[\"sh\"],\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,"
        + "\"Tty\":true,\"DetachKeys\":\"ctrl-x,ctrl-y\"}").getBytes(StandardCharsets.UTF_8))) {
      assertThat(r.status()).isEqualTo(201);
      id = r.text().replaceAll(".*\"Id\":\"([0-9a-f]+)\".*", "$1").strip();
    }
    try (Hijack h = Hijack.post(daemon.socket(), "/v1.50/exec/" + id + "/start", "{\"Detach\":false,\"Tty\":true}")) {
      h.send("echo in''side\n");
      h.awaitText("inside\r\n");
      h.send("\u0018\u0019");
      h.awaitEnd();
    }
    try (var r = daemon.client().request("GET", "/v1.50/exec/" + id + "/json", java.util.Map.of(), (byte[]) null)) {
      String json = r.text();
      assertThat(json).contains("\"Running\":true").contains("\"DetachKeys\":\"GBk=\"");
    }
    try (var r = daemon.client().request("POST", "/v1.50/containers/ex/exec", java.util.Map.of("Content-Type",
        "application/json"), "{\"Cmd\":[\"true\"],\"DetachKeys\":\"ctrl-foo\"}".getBytes(StandardCharsets.UTF_8))) {
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.text()).contains("Invalid escape keys (ctrl-foo) provided");
    }
  }

  /** -it through a real pseudo-terminal: a tty of the container's, the client's window size, the exit code. */
  @Test
  void exec_interactiveTerminal_throughAPty() throws Exception {
    List<String> argv = List.of("script", "-qec", "stty cols 97 rows 31; " + Prerequisites.DOCKER
        + " exec -it ex sh -c 'tty; stty size; exit 6'", "/dev/null");
    Cmd r = Cmd.runStdinOpen(daemon.dockerEnv(), argv);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(6);
    assertThat(r.out()).contains("/dev/pts/").contains("31 97");
  }

  /** run -t: the container's terminal starts at the client's size (ConsoleSize), before any resize. */
  @Test
  void run_tty_startsAtTheClientsSize() throws Exception {
    List<String> argv = List.of("script", "-qec", "stty cols 83 rows 27; " + Prerequisites.DOCKER
        + " run --rm -t busybox stty size", "/dev/null");
    Cmd r = Cmd.run(daemon.dockerEnv(), null, argv);
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("27 83");
  }
}
