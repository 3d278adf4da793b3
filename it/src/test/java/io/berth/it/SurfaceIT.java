package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The container commands around a running container, driven by the docker CLI: rename, top. */
@Tag("privileged")
class SurfaceIT extends BusyboxSuite {

  /**
   * Detach keys on a terminal: the default sequence and a client's own end the session and the
   * container runs on; a client that just goes away leaves the terminal's stdin open for the next.
   */
  @Test
  void attach_detachKeys_endTheSession_andTheContainerRunsOn() throws Exception {
    long since = java.time.Instant.now().getEpochSecond();
    assertThat(docker("run", "-d", "-it", "--name", "det", "busybox", "sh").exit()).isZero();
    String attach = "/v1.50/containers/det/attach?stream=1&stdin=1&stdout=1&stderr=1";
    // the terminal echoes what is typed: the quotes keep the echo from matching the output
    try (Hijack h = Hijack.post(daemon.socket(), attach, null)) {
      h.send("echo o''ne\n");
      h.awaitText("one\r\n");
      h.send("\u0010\u0011");
      h.awaitEnd();
    }
    assertThat(docker("inspect", "-f", "{{.State.Running}}", "det").out()).isEqualTo("true\n");
    try (Hijack h = Hijack.post(daemon.socket(), attach + "&detachKeys=ctrl-a,x", null)) {
      h.send("echo t''wo\n");
      h.awaitText("two\r\n");
      h.send("\u0001x");
      h.awaitEnd();
    }
    try (Hijack h = Hijack.post(daemon.socket(), attach, null)) {
      h.send("echo th''ree\n");
      h.awaitText("three\r\n");
    }
    Cmd bad = docker("attach", "--no-stdin", "--detach-keys", "ctrl-foo", "det");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("unable to upgrade to tcp, received 400"); // the CLI's words for any refusal
    try (var r = daemon.client().request("POST", "/v1.50/containers/det/attach?stream=1&detachKeys=ctrl-foo",
        java.util.Map.of(), (byte[]) null)) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).contains("Invalid detach keys (ctrl-foo) provided");
    }
    try (Hijack h = Hijack.post(daemon.socket(), attach, null)) {
      h.send("exit 3\n");
      h.awaitEnd();
    }
    assertThat(docker("wait", "det").out()).isEqualTo("3\n");
    String actions = docker("events", "--since", Long.toString(since), "--until",
        Long.toString(java.time.Instant.now().getEpochSecond() + 1), "--filter", "container=det", "--format",
        "{{.Action}}").out();
    assertThat(actions.lines().filter(a -> a.equals("attach")).count()).isEqualTo(4);
    assertThat(actions.lines().filter(a -> a.equals("detach")).count()).isEqualTo(2);
  }

  /** update: what Berth does not enforce yet is refused by name, an update that changes nothing is done. */
  @Test
  void update_refusesWhatIsNotEnforced() throws Exception {
    assertThat(docker("run", "-d", "--name", "upd", "busybox", "sleep", "300").exit()).isZero();
    Cmd rt = docker("update", "--cpu-rt-runtime", "1000", "upd");
    assertThat(rt.exit()).isEqualTo(1);
    assertThat(rt.err()).contains("Error response from daemon: berth does not support --cpu-rt-runtime"
        + " (HostConfig.CpuRealtimeRuntime) yet");
    Cmd same = docker("update", "--restart", "no", "upd");
    assertThat(same.exit()).as(same.err()).isZero();
    assertThat(same.out()).isEqualTo("upd\n");
    Cmd missing = docker("update", "--restart", "no", "nosuch");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("No such container: nosuch");
    Cmd berth = BerthCliIT.berthWith(daemon, "", "update", "--blkio-weight", "300", "upd");
    assertThat(berth.exit()).isEqualTo(1);
    assertThat(berth.err()).contains("berth does not support --blkio-weight yet");
  }

  @Test
  void rename_takesTheNewName_andDockersRefusals() throws Exception {
    String id = docker("run", "-d", "--name", "before", "busybox", "sleep", "300").out().strip();
    docker("create", "--name", "taken", "busybox", "true");
    Cmd ok = docker("rename", "before", "after");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(docker("inspect", "-f", "{{.Name}}", id).out()).isEqualTo("/after\n");
    assertThat(docker("inspect", "before").exit()).isEqualTo(1);
    // the old name is free again
    assertThat(docker("create", "--name", "before", "busybox", "true").exit()).isZero();
    Cmd same = docker("rename", "after", "after");
    assertThat(same.err()).contains("Error response from daemon: Renaming a container with the same name as its current name");
    Cmd taken = docker("rename", "after", "taken");
    assertThat(taken.exit()).isEqualTo(1);
    assertThat(taken.err()).contains("Error response from daemon: Error when allocating new name: Conflict. The container"
        + " name \"/taken\" is already in use by container");
    Cmd bad = docker("rename", "after", "no good");
    assertThat(bad.err()).contains("Invalid container name (no good), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    // the name survives a restart of the daemon
    daemon.kill();
    daemon.start();
    assertThat(docker("inspect", "-f", "{{.Name}}", id).out()).isEqualTo("/after\n");
  }

  @Test
  void top_listsTheContainersProcesses_withPsArguments() throws Exception {
    String id = docker("run", "-d", "--name", "topped", "busybox", "sh", "-c", "sleep 301 & sleep 302").out().strip();
    Wait.until(java.time.Duration.ofSeconds(10), () -> docker("top", "topped").out().contains("sleep 301"), "both sleeps");
    Cmd top = docker("top", "topped");
    assertThat(top.out().lines().findFirst().orElseThrow()).matches("UID +PID +PPID +C +STIME +TTY +TIME +CMD");
    assertThat(top.out()).contains("sleep 301").contains("sleep 302").doesNotContain("java");
    Cmd custom = docker("top", "topped", "-o", "pid,args");
    assertThat(custom.out().lines().toList()).hasSize(3).first().asString().matches("PID +COMMAND");
    assertThat(docker("top", "topped", "-o", "ppid=PID").err())
        .contains("specifying \"ppid=PID\" is not allowed");
    docker("stop", "-t", "0", "topped");
    Cmd stopped = docker("top", "topped");
    assertThat(stopped.exit()).isEqualTo(1);
    assertThat(stopped.err()).isEqualTo("Error response from daemon: container " + id + " is not running\n");
  }

  @Test
  void pause_freezesTheContainer_untilUnpaused_andSurvivesARestart() throws Exception {
    String id = docker("run", "-d", "--name", "frozen", "busybox", "sh", "-c",
        "i=0; while true; do i=$((i+1)); echo $i > /tmp/n; sleep 0.05; done").out().strip();
    assertThat(docker("pause", "frozen").out()).isEqualTo("frozen\n");
    assertThat(docker("ps", "--filter", "status=paused", "--format", "{{.Names}} {{.Status}}").out())
        .matches("frozen Up .* \\(Paused\\)\n");
    assertThat(docker("inspect", "-f", "{{.State.Status}} {{.State.Running}} {{.State.Paused}}", "frozen").out())
        .isEqualTo("paused true true\n");
    // frozen: the counter does not move
    String cgroup = "/sys/fs/cgroup/freezer/berth/" + id + "/freezer.state";
    assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(cgroup)).strip()).isEqualTo("FROZEN");
    Cmd exec = docker("exec", "frozen", "true");
    assertThat(exec.err()).isEqualTo("Error response from daemon: Container " + id
        + " is paused, unpause the container before exec\n");
    assertThat(docker("pause", "frozen").err()).contains("Container " + id + " is already paused");

    daemon.kill();
    daemon.start();
    assertThat(docker("inspect", "-f", "{{.State.Status}}", "frozen").out()).isEqualTo("paused\n");
    assertThat(docker("unpause", "frozen").exit()).isZero();
    assertThat(docker("inspect", "-f", "{{.State.Status}}", "frozen").out()).isEqualTo("running\n");
    assertThat(docker("unpause", "frozen").err()).contains("Container " + id + " is not paused");
    Cmd counted = docker("exec", "frozen", "cat", "/tmp/n");
    assertThat(counted.exit()).as(counted.err()).isZero();
    // a paused container stops: the signal reaches it once thawed
    docker("pause", "frozen");
    assertThat(docker("stop", "-t", "1", "frozen").exit()).isZero();
    assertThat(docker("inspect", "-f", "{{.State.Status}}", "frozen").out()).isEqualTo("exited\n");
  }

  /** docker stats --no-stream: a busy loop near 100% of a CPU, an idle one near 0, memory and pids counted. */
  @Test
  void stats_noStream_countsCpuMemoryAndPids() throws Exception {
    docker("run", "-d", "--name", "busy", "busybox", "sh", "-c", "while :; do :; done");
    docker("run", "-d", "--name", "idle", "busybox", "sleep", "300");
    Cmd stats = docker("stats", "--no-stream", "--format", "{{.Name}} {{.CPUPerc}} {{.PIDs}} {{.MemUsage}}", "busy", "idle");
    assertThat(stats.exit()).as(stats.err()).isZero();
    var lines = stats.out().lines().sorted().toList();
    assertThat(lines).hasSize(2);
    double busy = Double.parseDouble(lines.get(0).split(" ")[1].replace("%", ""));
    double idle = Double.parseDouble(lines.get(1).split(" ")[1].replace("%", ""));
    assertThat(busy).isBetween(80.0, 120.0);
    assertThat(idle).isLessThan(5.0);
    assertThat(lines.get(0)).matches("busy [0-9.]+% 1 [0-9.]+[KMG]iB / [0-9.]+[KMG]iB");
    Cmd json = docker("stats", "--no-stream", "--format", "{{json .}}", "idle");
    assertThat(json.out()).contains("\"Name\":\"idle\"").contains("\"PIDs\":\"1\"");
  }

  /** --init: tini is PID 1, the command its child, and its exit code passes through. */
  @Test
  void init_runsTiniAsPid1() throws Exception {
    Cmd r = docker("run", "--rm", "--init", "busybox", "sh", "-c", "cat /proc/1/cmdline | tr '\\0' ' '; echo; exit 7");
    assertThat(r.exit()).as(r.err()).isEqualTo(7);
    assertThat(r.out()).startsWith("/sbin/docker-init -- sh -c ");
    Cmd inspect = docker("run", "-d", "--name", "inited", "--init", "busybox", "sleep", "300");
    assertThat(inspect.exit()).isZero();
    assertThat(docker("inspect", "-f", "{{.HostConfig.Init}} {{.Path}}", "inited").out()).isEqualTo("true sleep\n");
    assertThat(docker("stop", "-t", "5", "inited").exit()).isZero();
    // tini forwards SIGTERM to sleep, which dies of it at once
    assertThat(docker("inspect", "-f", "{{.State.ExitCode}}", "inited").out()).isEqualTo("143\n");
  }
}
