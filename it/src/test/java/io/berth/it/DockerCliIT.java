package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real docker CLI (28.2.2) against a real berthd: DOCKER_HOST is the only change. */
@Tag("privileged")
class DockerCliIT extends SharedDaemon {
  @BeforeAll
  static void busybox() throws Exception {
    daemon.bootstrapBusybox();
  }

  static Cmd docker(String... args) throws Exception {
    return dockerIn(null, args);
  }

  static Cmd dockerIn(byte[] stdin, String... args) throws Exception {
    return dockerWith(daemon, stdin, args);
  }

  /** The docker CLI against {@code d}. */
  static Cmd dockerWith(BerthDaemon d, byte[] stdin, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(Prerequisites.DOCKER));
    argv.addAll(List.of(args));
    return Cmd.run(d.dockerEnv(), stdin, argv);
  }

  /** The predefined networks, and what Berth refuses of them. */
  @Test
  void networks_hostAndNone_listInspectAndRefusals() throws Exception {
    Cmd ls = docker("network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}");
    assertThat(ls.exit()).as(ls.err()).isZero();
    assertThat(ls.out()).isEqualTo("bridge bridge local\nhost host local\nnone null local\n");
    String id = docker("run", "-d", "--network", "none", "busybox", "sleep", "30").out().strip();
    try {
      Cmd inspect = docker("network", "inspect", "-f", "{{.Name}} {{.Driver}} {{range $k, $v := .Containers}}{{$k}}{{end}}", "none");
      assertThat(inspect.out().strip()).isEqualTo("none null " + id);
      // the container's side names the same network and endpoint
      String noneId = docker("network", "inspect", "-f", "{{.Id}}", "none").out().strip();
      String endpoint = docker("network", "inspect", "-f", "{{range .Containers}}{{.EndpointID}}{{end}}", "none").out().strip();
      Cmd settings = docker("inspect", "-f", "{{.NetworkSettings.Networks.none.NetworkID}} "
          + "{{.NetworkSettings.Networks.none.EndpointID}} [{{.NetworkSettings.IPAddress}}]", id);
      assertThat(settings.out().strip()).isEqualTo(noneId + " " + endpoint + " []");
      assertThat(docker("ps", "--filter", "id=" + id, "--format", "{{.Networks}}").out().strip()).isEqualTo("none");
    } finally {
      docker("rm", "-f", id);
    }
    Cmd connect = docker("network", "connect", "bridge", "nosuchcontainer");
    assertThat(connect.exit()).isEqualTo(1);
    assertThat(connect.err()).contains("No such container: nosuchcontainer");
    Cmd rm = docker("network", "rm", "host");
    assertThat(rm.exit()).isEqualTo(1);
    assertThat(rm.err()).contains("host is a pre-defined network and cannot be removed");
    Cmd bridge = docker("network", "inspect", "-f", "{{.Driver}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} "
        + "{{index .Options \"com.docker.network.bridge.name\"}}", "bridge");
    assertThat(bridge.out().strip()).isEqualTo("bridge " + daemon.gateway().replaceFirst("1$", "0") + "/24 "
        + daemon.gateway() + " " + daemon.bridge());
    Cmd missing = docker("network", "inspect", "nosuchnet");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("network nosuchnet not found");
  }

  @Test
  void containerAndSystemPrune_removeStoppedContainersOnly() throws Exception {
    String stopped = docker("run", "--label", "berth.test=prune", "busybox", "sh", "-c", "echo hi > /x").out();
    String stoppedId = docker("ps", "-aq", "--no-trunc", "--filter", "label=berth.test=prune").out().strip();
    String running = docker("run", "-d", "--label", "berth.test=prune", "busybox", "sleep", "30").out().strip();
    try {
      Cmd prune = docker("container", "prune", "-f", "--filter", "label=berth.test=prune");
      assertThat(prune.exit()).as(prune.err()).isZero();
      assertThat(prune.out()).isEqualTo("Deleted Containers:\n" + stoppedId.lines()
          .filter(i -> !i.equals(running)).findFirst().orElseThrow() + "\n\nTotal reclaimed space: 3B\n");
      assertThat(docker("ps", "-aq", "--no-trunc", "--filter", "label=berth.test=prune").out().strip())
          .isEqualTo(running);
      // system prune asks every kind, the build cache included (Berth keeps none)
      Cmd system = docker("system", "prune", "-f", "--filter", "label=berth.test=prune");
      assertThat(system.exit()).as(system.err()).isZero();
      assertThat(system.out()).endsWith("Total reclaimed space: 0B\n");
    } finally {
      docker("rm", "-f", running);
    }
    assertThat(stopped).isEmpty();
  }

  @Test
  void run_echo_printsOutputAndExitsZero() throws Exception {
    Cmd r = docker("run", "--rm", "busybox", "echo", "hello from berth");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("hello from berth\n");
    assertThat(r.exit()).isZero();
  }

  @Test
  void ps_sizeAndCommand_asDockerShowsThem() throws Exception {
    String id = docker("run", "-d", "busybox", "sh", "-c", "echo 12345 > /f; sleep 30").out().strip();
    try {
      Wait.until(java.time.Duration.ofSeconds(10), () -> docker("ps", "-s", "--filter", "id=" + id,
          "--format", "{{.Size}}").out().startsWith("6B (virtual "), "the written file to count");
      assertThat(docker("ps", "--filter", "id=" + id, "--format", "{{.Command}}").out().strip())
          .isEqualTo("\"sh -c 'echo 12345 >…\"");
    } finally {
      docker("rm", "-f", id);
    }
  }

  @Test
  void imagePrune_removesUntaggedUnusedImagesOnly() throws Exception {
    var tar = new java.io.ByteArrayOutputStream();
    try (var t = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar)) {
      var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("prune-me");
      e.setSize(5);
      t.putArchiveEntry(e);
      t.write("hello".getBytes(StandardCharsets.UTF_8));
      t.closeArchiveEntry();
    }
    Cmd imported = dockerIn(tar.toByteArray(), "import", "-");
    assertThat(imported.exit()).as(imported.err()).isZero();
    String id = imported.out().strip();

    Cmd prune = docker("image", "prune", "-f");

    assertThat(prune.exit()).as(prune.err()).isZero();
    assertThat(prune.out()).contains("Deleted Images:", "deleted: " + id, "Total reclaimed space:");
    assertThat(docker("image", "inspect", id).exit()).isNotZero();
    assertThat(docker("image", "inspect", "busybox").exit()).isZero();
  }

  @Test
  void diff_listsWhatTheContainerChanged_asDockerDoes() throws Exception {
    Cmd run = docker("run", "-d", "busybox", "sh", "-c", "mkdir -p /tmp; echo x > /tmp/new; rm /etc/group");
    String id = run.out().strip();
    try {
      assertThat(docker("wait", id).out().strip()).isEqualTo("0");
      Cmd diff = docker("diff", id);
      assertThat(diff.exit()).as(diff.err()).isZero();
      assertThat(diff.out().lines().toList()).contains("C /etc", "D /etc/group", "A /tmp/new")
          .noneMatch(l -> l.contains("hostname") || l.contains("resolv.conf") || l.contains("/proc"));
      Cmd untouched = docker("create", "busybox", "true");
      String fresh = untouched.out().strip();
      assertThat(docker("diff", fresh).out()).isEmpty();
      docker("rm", fresh);
    } finally {
      docker("rm", "-f", id);
    }
  }

  @Test
  void export_thenImport_carriesTheContainersFiles() throws Exception {
    String id = docker("run", "-d", "busybox", "sh", "-c", "mkdir -p /data; echo kept > /data/file").out().strip();
    Path tar = Files.createTempFile("berth-export", ".tar");
    try {
      assertThat(docker("wait", id).out().strip()).isEqualTo("0");
      Cmd export = docker("export", "-o", tar.toString(), id);
      assertThat(export.exit()).as(export.err()).isZero();
      Cmd imported = docker("import", tar.toString(), "exported:1");
      assertThat(imported.exit()).as(imported.err()).isZero();
      Cmd run = docker("run", "--rm", "exported:1", "/bin/cat", "/data/file");
      assertThat(run.out()).as(run.err()).isEqualTo("kept\n");
    } finally {
      docker("rm", "-f", id);
      docker("rmi", "exported:1");
      Files.deleteIfExists(tar);
    }
  }

  @Test
  void images_beforeSinceUntil_narrowByCreation() throws Exception {
    assertThat(docker("images", "--filter", "before=busybox", "--format", "{{.Repository}}").out())
        .doesNotContain("busybox");
    assertThat(docker("images", "--filter", "since=busybox", "--format", "{{.Repository}}").out())
        .doesNotContain("busybox");
    assertThat(docker("images", "--filter", "until=1h", "--format", "{{.Repository}}").out())
        .doesNotContain("busybox");
    assertThat(docker("images", "--filter", "until=2000-01-01T00:00:00Z", "-q").out()).isEmpty();
    assertThat(docker("images", "--format", "{{.Repository}}").out()).contains("busybox");
  }

  @Test
  void history_ofAnImportedImage_asDockerPrintsIt() throws Exception {
    Cmd h = docker("history", "busybox");
    assertThat(h.exit()).as(h.err()).isZero();
    assertThat(h.out().lines().findFirst().orElse(""))
        .matches("IMAGE\\s+CREATED\\s+CREATED BY\\s+SIZE\\s+COMMENT");
  }

  @Test
  void run_user_groupsAsDockerComputesThem() throws Exception {
    assertThat(docker("run", "--rm", "-u", "1000:1000", "busybox", "id").out())
        .isEqualTo("uid=1000 gid=1000 groups=1000\n");
    // the image's /etc/group lists root in wheel
    assertThat(docker("run", "--rm", "-u", "0", "busybox", "id").out())
        .isEqualTo("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n");
    assertThat(docker("run", "--rm", "-u", "root", "busybox", "id").out())
        .isEqualTo("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n");
  }

  @Test
  void run_unsupportedOptions_areRefusedNamingThem() throws Exception {
    for (List<String> opts : List.of(List.of("--cpu-rt-runtime", "1000"), List.of("--cgroup-parent", "/x"),
        List.of("--runtime", "crun"), List.of("--ipc", "container:other"))) {
      // without --rm, which the CLI itself refuses beside --restart: a refused create leaves nothing
      List<String> argv = new ArrayList<>(List.of("run"));
      argv.addAll(opts);
      argv.addAll(List.of("busybox", "true"));
      Cmd r = docker(argv.toArray(String[]::new));
      assertThat(r.exit()).as(opts.toString()).isEqualTo(125);
      assertThat(r.err()).as(opts.toString()).contains("berth does not support");
    }
    Cmd sometimes = docker("run", "--restart", "sometimes", "busybox", "true");
    assertThat(sometimes.exit()).isEqualTo(125);
    assertThat(sometimes.err()).contains("invalid restart policy: unknown policy 'sometimes'");
    Cmd relative = docker("run", "--rm", "-w", "relative", "busybox", "true");
    assertThat(relative.err())
        .contains("the working directory 'relative' is invalid, it needs to be an absolute path");
  }

  @Test
  void run_nonZeroExit_passesExitCode() throws Exception {
    Cmd r = docker("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");
    assertThat(r.out()).isEqualTo("out\n");
    assertThat(r.err()).isEqualTo("err\n");
    assertThat(r.exit()).isEqualTo(3);
  }

  @Test
  void run_interactiveStdin_reachesContainer() throws Exception {
    Cmd r = dockerIn("hi\nthere\n".getBytes(StandardCharsets.UTF_8), "run", "-i", "--rm", "busybox", "cat");
    assertThat(r.out()).isEqualTo("hi\nthere\n");
    assertThat(r.exit()).isZero();
  }

  @Test
  void run_unknownCommand_exits127() throws Exception {
    Cmd r = docker("run", "--rm", "busybox", "nosuchcommand");
    assertThat(r.exit()).isEqualTo(127);
    assertThat(r.err()).contains("executable file not found");
  }

  @Test
  void run_notExecutable_exits126() throws Exception {
    Cmd r = docker("run", "--rm", "busybox", "/etc/passwd");
    assertThat(r.exit()).isEqualTo(126);
    assertThat(r.err()).contains("permission denied");
  }

  @Test
  void run_missingImage_failsWithDockersError() throws Exception {
    Cmd r = docker("run", "--rm", "nosuchimage");
    assertThat(r.exit()).isEqualTo(125);
    assertThat(r.err()).contains("Unable to find image 'nosuchimage:latest' locally");
  }

  @Test
  void detachedContainer_logsPsStopRm() throws Exception {
    Cmd run = docker("run", "-d", "--name", "ticker", "busybox", "sh", "-c",
        "i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done");
    assertThat(run.exit()).as(run.err()).isZero();
    String id = run.out().strip();
    assertThat(id).hasSize(64);
    Cmd logs = Wait.value(Duration.ofSeconds(10), () -> docker("logs", "--tail", "2", "ticker"),
        l -> l.out().lines().count() == 2, "two lines in the ticker's log");
    assertThat(logs.out().lines()).hasSize(2).allMatch(l -> l.startsWith("tick "));
    Cmd ps = docker("ps");
    assertThat(ps.out()).contains(id.substring(0, 12)).contains("ticker").contains("Up ");
    Cmd inspect = docker("inspect", "-f", "{{.State.Running}} {{.Config.Image}} {{.HostConfig.LogConfig.Type}}", "ticker");
    assertThat(inspect.out().strip()).isEqualTo("true busybox k8s-file");
    Cmd stop = docker("stop", "-t", "1", "ticker");
    assertThat(stop.out().strip()).isEqualTo("ticker");
    Cmd exited = docker("ps", "-a", "--filter", "name=ticker", "--format", "{{.Status}}");
    assertThat(exited.out()).startsWith("Exited (");
    assertThat(docker("rm", "ticker").exit()).isZero();
    assertThat(docker("ps", "-a", "-q", "--filter", "name=ticker").out()).isEmpty();
  }

  @Test
  void logsFollow_endsWhenContainerExits() throws Exception {
    Cmd run = docker("run", "-d", "busybox", "sh", "-c", "echo one; sleep 1; echo two");
    String id = run.out().strip();
    Cmd logs = docker("logs", "-f", id);
    assertThat(logs.out()).isEqualTo("one\ntwo\n");
    assertThat(docker("rm", id).exit()).isZero();
  }

  @Test
  void rm_runningContainer_conflictsUnlessForced() throws Exception {
    String id = docker("run", "-d", "busybox", "sleep", "60").out().strip();
    Cmd rm = docker("rm", id);
    assertThat(rm.exit()).isEqualTo(1);
    assertThat(rm.err()).contains("container is running");
    assertThat(docker("rm", "-f", id).exit()).isZero();
  }

  @Test
  void missingContainer_errorsInDockersWords() throws Exception {
    Cmd r = docker("rm", "nosuch");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("No such container: nosuch");
    assertThat(docker("logs", "nosuch").err()).contains("No such container: nosuch");
  }

  @Test
  void duplicateName_conflicts() throws Exception {
    assertThat(docker("create", "--name", "twin", "busybox", "true").exit()).isZero();
    Cmd again = docker("create", "--name", "twin", "busybox", "true");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("is already in use by container");
    assertThat(docker("rm", "twin").exit()).isZero();
  }

  @Test
  void images_tagInspectRmi() throws Exception {
    assertThat(docker("tag", "busybox", "mybox:1").exit()).isZero();
    assertThat(docker("images", "--format", "{{.Repository}}:{{.Tag}}").out()).contains("mybox:1", "busybox:latest");
    assertThat(docker("inspect", "-f", "{{.RepoTags}}", "mybox:1").out()).contains("mybox:1");
    Cmd rmi = docker("rmi", "mybox:1");
    assertThat(rmi.out()).contains("Untagged: mybox:1");
    assertThat(docker("rmi", "nosuch:1").err()).contains("No such image: nosuch:1");
  }

  @Test
  void import_tarball_makesRunnableImage() throws Exception {
    Path tar = Files.createTempFile("rootfs", ".tar");
    try {
      new ProcessBuilder("tar", "-C", "/", "-cf", tar.toString(), "bin/busybox").start().waitFor();
      Cmd imp = Cmd.run(daemon.dockerEnv(),
          null, List.of(Prerequisites.DOCKER, "import", "-c", "ENTRYPOINT [\"/bin/busybox\"]", tar.toString(), "imported:v1"));
      assertThat(imp.exit()).as(imp.err()).isZero();
      assertThat(imp.out()).startsWith("sha256:");
      assertThat(docker("run", "--rm", "imported:v1", "echo", "ok").out()).isEqualTo("ok\n");
      assertThat(docker("rmi", "imported:v1").exit()).isZero();
    } finally {
      Files.deleteIfExists(tar);
    }
  }

  @Test
  void versionAndInfo_answer() throws Exception {
    Cmd v = docker("version", "--format", "{{.Server.APIVersion}}");
    assertThat(v.exit()).as(v.err()).isZero();
    assertThat(v.out().strip()).isEqualTo("1.51");
    Cmd info = docker("info", "--format", "{{.Driver}} {{.OSType}}");
    assertThat(info.out().strip()).isEqualTo("overlay2 linux");
  }

  @Test
  void killRestartStartAttach_behaveAsDocker() throws Exception {
    String id = docker("run", "-d", "--name", "sleeper", "-l", "role=test", "busybox", "sleep", "60").out().strip();
    assertThat(docker("ps", "-q", "--filter", "label=role=test").out().strip()).isEqualTo(id.substring(0, 12));
    assertThat(docker("ps", "-q", "--filter", "status=exited", "--filter", "name=sleeper").out()).isEmpty();
    assertThat(docker("kill", "-s", "KILL", "sleeper").exit()).isZero();
    assertThat(docker("inspect", "-f", "{{.State.ExitCode}}", id).out().strip()).isEqualTo("137");
    Cmd kill = docker("kill", "sleeper");
    assertThat(kill.exit()).isEqualTo(1);
    assertThat(kill.err()).contains("is not running");
    assertThat(docker("restart", "-t", "0", "sleeper").exit()).isZero();
    assertThat(docker("inspect", "-f", "{{.State.Running}}", id).out().strip()).isEqualTo("true");
    assertThat(docker("rm", "-f", "sleeper").exit()).isZero();

    String once = docker("create", "busybox", "echo", "attached").out().strip();
    Cmd start = docker("start", "-a", once);
    assertThat(start.out()).isEqualTo("attached\n");
    Cmd again = docker("start", "-a", once);
    assertThat(again.out()).isEqualTo("attached\n");
    assertThat(docker("logs", once).out()).isEqualTo("attached\nattached\n");
    Cmd ts = docker("logs", "-t", once);
    assertThat(ts.out().lines()).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z attached"));
    assertThat(docker("rm", once).exit()).isZero();
  }

  @Test
  void runOptions_envWorkdirUserEntrypointHostname() throws Exception {
    Cmd r = docker("run", "--rm", "-e", "FOO=bar", "-w", "/tmp/work", "-u", "nobody",
        "busybox", "sh", "-c", "echo $FOO $(pwd) $(id -u) $HOSTNAME");
    assertThat(r.err()).isEmpty();
    String[] f = r.out().strip().split(" ");
    assertThat(f[0]).isEqualTo("bar");
    assertThat(f[1]).isEqualTo("/tmp/work");
    assertThat(f[2]).isEqualTo("65534");
    assertThat(f[3]).hasSize(12);
    Cmd ep = docker("run", "--rm", "--entrypoint", "echo", "busybox", "via", "entrypoint");
    assertThat(ep.out()).isEqualTo("via entrypoint\n");
    Cmd hostNet = docker("run", "--rm", "--network", "host", "busybox", "hostname");
    assertThat(hostNet.out().strip()).isEqualTo(java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
  }

  @Test
  void securityBaseline_asDockerDefaults() throws Exception {
    // a masked file reads as empty (/dev/null over it), a masked directory lists nothing (an empty
    // tmpfs): the bytes are counted, so a readable path fails; /proc/interrupts and /proc/timer_list
    // are readable by root when not masked, /proc/kcore also needs CAP_SYS_RAWIO and may not exist
    Cmd r = docker("run", "--rm", "busybox", "sh", "-c", String.join("; ",
        "grep CapBnd /proc/self/status",
        "for p in /proc/kcore /proc/keys /proc/interrupts /proc/timer_list /proc/sched_debug /proc/latency_stats; do"
            + " [ -e $p ] && echo \"masked $p $(dd if=$p bs=4096 count=1 2>/dev/null | wc -c)\"; done",
        "echo \"masked /sys/firmware $(ls -A /sys/firmware | wc -l)\"",
        "echo \"sys-ro $(mount | grep -c ' /sys .*ro,')\"",
        "df -k /dev/shm | tail -1"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("CapBnd:\t00000000a80425fb");
    List<String> masked = r.out().lines().filter(l -> l.startsWith("masked ")).toList();
    assertThat(masked).as(r.out()).anyMatch(l -> l.startsWith("masked /proc/interrupts "))
        .anyMatch(l -> l.startsWith("masked /sys/firmware "))
        .allMatch(l -> l.endsWith(" 0"));
    assertThat(r.out()).contains("sys-ro 1\n");
    assertThat(r.out()).contains("65536");
  }
}
