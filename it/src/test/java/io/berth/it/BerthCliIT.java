package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The berth CLI against a real berthd, in process. */
@Tag("privileged")
class BerthCliIT extends SharedDaemon {
  static Cmd berth(String stdin, String... args) {
    return berthWith(daemon, stdin, args);
  }

  static Cmd berthWith(BerthDaemon daemon, String stdin, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int rc = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("BERTH_HOST", daemon.host()));
    return new Cmd(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void history_printsWhatDockerPrints() throws Exception {
    daemon.bootstrapBusybox();
    DockerCliIT.dockerWith(daemon, null, "run", "--name", "hist", "busybox", "sh", "-c", "echo hi > /x");
    DockerCliIT.dockerWith(daemon, null, "commit", "-m", "with a message", "hist", "hist:1");
    try {
      for (List<String> flags : List.<List<String>>of(List.of(), List.of("--no-trunc", "-H=false"), List.of("-q"))) {
        List<String> args = new java.util.ArrayList<>(List.of("history"));
        args.addAll(flags);
        args.add("hist:1");
        Cmd docker = DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new));
        Cmd berth = berth("", args.toArray(String[]::new));
        assertThat(berth.exit()).as(berth.err()).isZero();
        assertSameOutput(berth.out(), docker.out());
      }
    } finally {
      DockerCliIT.dockerWith(daemon, null, "rm", "-f", "hist");
      DockerCliIT.dockerWith(daemon, null, "rmi", "hist:1");
    }
  }

  @Test
  void systemDfAndImagePrune_printWhatDockerPrints() throws Exception {
    daemon.bootstrapBusybox();
    DockerCliIT.dockerWith(daemon, null, "run", "--name", "df1", "busybox", "sh", "-c", "echo hi > /x");
    try {
      for (List<String> args : List.<List<String>>of(List.of("system", "df"), List.of("system", "df", "-v"),
          List.of("system", "df", "--format", "{{json .}}"))) {
        Cmd docker = DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new));
        Cmd berth = berth("", args.toArray(String[]::new));
        assertThat(berth.exit()).as(berth.err()).isZero();
        assertSameOutput(berth.out(), docker.out());
      }
      // a refusal is a cancellation: the question only, and exit 0
      Cmd no = berth("n\n", "image", "prune", "--filter", "label=berth.test=df");
      assertThat(no.exit()).isZero();
      assertThat(no.out()).isEqualTo("WARNING! This will remove all dangling images.\n"
          + "Are you sure you want to continue? [y/N] ");
      DockerCliIT.dockerWith(daemon, null, "commit", "-c", "LABEL berth.test=df", "df1");
      Cmd yes = berth("y\n", "image", "prune", "--filter", "label=berth.test=df");
      assertThat(yes.exit()).as(yes.err()).isZero();
      // the image, then its layer, as dockerd reports what it removed
      assertThat(yes.out()).containsPattern("Deleted Images:\n(deleted: sha256:[0-9a-f]{64}\n){2}\n"
          + "Total reclaimed space: [0-9.]+[kMG]?B\n$");
    } finally {
      DockerCliIT.dockerWith(daemon, null, "rm", "-f", "df1");
    }
  }

  @Test
  void load_onATerminal_drawsEachLayersProgressAsDockerDoes(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    daemon.bootstrapBusybox();
    DockerCliIT.dockerWith(daemon, null, "run", "--name", "tty1", "busybox", "sh", "-c", "seq 100000 > /numbers");
    Path tar = dir.resolve("tty.tar");
    try {
      DockerCliIT.dockerWith(daemon, null, "commit", "tty1", "ttyload:1");
      DockerCliIT.dockerWith(daemon, null, "save", "-o", tar.toString(), "ttyload:1");
      String[] outs = new String[2];
      for (int i = 0; i < 2; i++) {
        DockerCliIT.dockerWith(daemon, null, "rmi", "ttyload:1");
        String load = i == 0 ? Prerequisites.DOCKER + " load -i " + tar
            : ProcessHandle.current().info().command().orElseThrow() + " -cp "
                + System.getProperty("java.class.path") + " io.berth.cli.Main load -i " + tar;
        // script gives the command a terminal 150 columns wide
        Cmd onTty = Cmd.run(Map.of("DOCKER_HOST", daemon.host(), "BERTH_HOST", daemon.host()), null,
            List.of("script", "-qec", "stty cols 150; " + load, "/dev/null"));
        assertThat(onTty.exit()).as(onTty.err()).isZero();
        outs[i] = onTty.out();
      }
      String layer = "\u001b\\[1A\u001b\\[2K\r[0-9a-f]{12}: Loading layer \\[";
      for (String out : outs) {
        assertThat(out).startsWith("\r\n").containsPattern(layer + "={50}>\\] +[0-9.]+[kM]B/[0-9.]+[kM]B\r\u001b\\[1B"
            + "Loaded image: ttyload:1\r\n$");
      }
      // the counts in between depend on how reads fall; the lines and their places do not
      String partial = layer + "=*> *\\] +[0-9.]+[kM]?B/[0-9.]+[kM]B\r\u001b\\[1B(?=\u001b)";
      assertThat(outs[1].replaceAll(partial, "")).isEqualTo(outs[0].replaceAll(partial, ""));
    } finally {
      DockerCliIT.dockerWith(daemon, null, "rm", "-f", "tty1");
      DockerCliIT.dockerWith(daemon, null, "rmi", "ttyload:1");
    }
  }

  /** berth publishes as docker does, and prints the ports as docker prints them. */
  @Test
  void publishedPorts_portAndPs_printWhatDockerPrints() throws Exception {
    daemon.bootstrapBusybox();
    Cmd run = berth("", "run", "-d", "--name", "berthpub", "-p", "127.0.0.1::80", "-p", "0:53/udp", "--expose", "90",
        "busybox", "httpd", "-f", "-p", "80", "-h", "/etc");
    assertThat(run.exit()).as(run.err()).isZero();
    try {
      for (List<String> args : List.<List<String>>of(List.of("port", "berthpub"), List.of("port", "berthpub", "80"),
          List.of("port", "berthpub", "53/udp"), List.of("ps", "--filter", "name=berthpub", "--format", "{{.Ports}}"))) {
        Cmd docker = DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new));
        Cmd berth = berth("", args.toArray(String[]::new));
        assertThat(berth.exit()).as(berth.err()).isZero();
        assertThat(berth.out()).isEqualTo(docker.out()).isNotBlank();
      }
      Cmd docker = DockerCliIT.dockerWith(daemon, null, "port", "berthpub", "81");
      Cmd berth = berth("", "port", "berthpub", "81");
      assertThat(berth.exit()).isEqualTo(docker.exit()).isEqualTo(1);
      assertThat(berth.err()).isEqualTo(docker.err().replace("docker", "berth"));
      Cmd bad = berth("", "run", "-p", "x:80", "busybox", "true");
      assertThat(bad.exit()).isEqualTo(125);
      assertThat(bad.err()).contains("invalid hostPort: x");
    } finally {
      berth("", "rm", "-f", "berthpub");
    }
  }

  /** berth network create, rm and prune: docker's requests, output and errors. */
  @Test
  void networkCreateRmPrune_asDocker() throws Exception {
    Cmd create = berth("", "network", "create", "--subnet", "10.214.251.0/24", "--gateway", "10.214.251.254",
        "--label", "berth.test=bnet", "bnet1");
    assertThat(create.exit()).as(create.err()).isZero();
    assertThat(create.out()).matches("[0-9a-f]{64}\n");
    assertThat(DockerCliIT.dockerWith(daemon, null, "network", "inspect", "-f",
        "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Labels}}", "bnet1").out())
        .isEqualTo("10.214.251.0/24 10.214.251.254 map[berth.test:bnet]\n");
    Cmd again = berth("", "network", "create", "bnet1");
    Cmd dockerAgain = DockerCliIT.dockerWith(daemon, null, "network", "create", "bnet1");
    assertThat(again.exit()).isEqualTo(dockerAgain.exit()).isEqualTo(1);
    assertThat(again.err()).isEqualTo(dockerAgain.err());
    assertThat(berth("", "network", "rm", "bnet1").out()).isEqualTo("bnet1\n");
    Cmd missing = berth("", "network", "rm", "bnet1");
    assertThat(missing.err()).isEqualTo(DockerCliIT.dockerWith(daemon, null, "network", "rm", "bnet1").err());
    for (String name : List.of("bnet2", "bnet3")) {
      berth("", "network", "create", "--label", "berth.test=bnet", name);
    }
    Cmd prune = berth("", "network", "prune", "-f", "--filter", "label=berth.test=bnet");
    assertThat(prune.out()).isIn("Deleted Networks:\nbnet2\nbnet3\n\n", "Deleted Networks:\nbnet3\nbnet2\n\n");
    berth("", "network", "create", "--label", "berth.test=bnet", "bnet4");
    assertThat(DockerCliIT.dockerWith(daemon, null, "network", "prune", "-f", "--filter", "label=berth.test=bnet").out())
        .isEqualTo("Deleted Networks:\nbnet4\n\n");
  }

  @Test
  void networkLsAndInspect_printWhatDockerPrints() throws Exception {
    for (List<String> args : List.<List<String>>of(List.of("network", "ls"), List.of("network", "ls", "-q", "--no-trunc"),
        List.of("network", "ls", "--format", "json"), List.of("network", "ls", "-f", "driver=null"),
        List.of("network", "inspect", "none", "host"), List.of("network", "inspect", "bridge"),
        List.of("inspect", "none"))) {
      Cmd docker = DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new));
      Cmd berth = berth("", args.toArray(String[]::new));
      assertThat(berth.exit()).as(berth.err()).isZero();
      assertThat(berth.out()).isEqualTo(docker.out());
    }
  }

  /** berth volume create, ls, inspect, rm and prune, and run with volumes, print what docker prints. */
  @Test
  void volumes_printWhatDockerPrints() throws Exception {
    daemon.bootstrapBusybox();
    assertThat(berth("", "volume", "create", "--label", "berth.test=vol", "bvol2").out()).isEqualTo("bvol2\n");
    assertThat(berth("", "volume", "create", "bvol10").out()).isEqualTo("bvol10\n");
    Cmd anon = berth("", "volume", "create");
    assertThat(anon.out()).matches("[0-9a-f]{64}\n");
    try {
      for (List<String> args : List.<List<String>>of(List.of("volume", "ls", "-f", "name=bvol"),
          List.of("volume", "ls", "-q", "-f", "label=berth.test"), List.of("volume", "ls", "--format", "json", "-f", "name=bvol"),
          List.of("volume", "ls", "--format", "{{.Name}} {{.Labels}} {{.Mountpoint}}", "-f", "name=bvol"),
          List.of("volume", "inspect", "bvol2", "bvol10"), List.of("inspect", "bvol2"),
          List.of("volume", "inspect", "-f", "{{.Name}} {{.Driver}}", "bvol10"))) {
        Cmd docker = DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new));
        Cmd berth = berth("", args.toArray(String[]::new));
        assertThat(berth.exit()).as(args + berth.err()).isZero();
        assertThat(berth.out()).as(args.toString()).isEqualTo(docker.out());
      }
      for (List<String> args : List.<List<String>>of(List.of("volume", "rm", "nosuch"), List.of("volume", "inspect", "nosuch"),
          List.of("volume", "create", "x"))) {
        Cmd docker = DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new));
        Cmd berth = berth("", args.toArray(String[]::new));
        assertThat(berth.exit()).as(args.toString()).isEqualTo(docker.exit());
        assertThat(berth.out()).as(args.toString()).isEqualTo(docker.out());
        assertThat(berth.err()).as(args.toString()).isEqualTo(docker.err());
      }
      Cmd run = berth("", "run", "--rm", "-v", "bvol2:/data", "--tmpfs", "/t", "--mount", "type=volume,dst=/anon",
          "busybox", "sh", "-c", "echo kept > /data/f; grep -c ' /t ' /proc/mounts");
      assertThat(run.out()).as(run.err()).isEqualTo("1\n");
      assertThat(berth("", "run", "--rm", "-v", "bvol2:/data:ro", "busybox", "cat", "/data/f").out()).isEqualTo("kept\n");
      Cmd prune = berth("", "volume", "prune", "-f");
      assertThat(prune.out()).isEqualTo("Deleted Volumes:\n" + anon.out() + "\nTotal reclaimed space: 0B\n");
      assertThat(berth("", "volume", "rm", "bvol2", "bvol10").out()).isEqualTo("bvol2\nbvol10\n");
    } finally {
      berth("", "volume", "rm", "-f", "bvol2", "bvol10", anon.out().strip());
    }
  }

  /** berth exec, top, rename, pause, unpause and events print and exit as docker does. */
  @Test
  void containerSurface_asDocker() throws Exception {
    daemon.bootstrapBusybox();
    assertThat(berth("", "run", "-d", "--name", "bsurf", "busybox", "sleep", "300").exit()).isZero();
    try {
      Cmd exec = berth("", "exec", "-e", "X=1", "-w", "/tmp", "bsurf", "sh", "-c", "echo $X; pwd; echo err >&2; exit 5");
      assertThat(exec.exit()).isEqualTo(5);
      assertThat(exec.out()).isEqualTo("1\n/tmp\n");
      assertThat(exec.err()).isEqualTo("err\n");
      assertThat(berth("line\n", "exec", "-i", "bsurf", "cat").out()).isEqualTo("line\n");
      Cmd missing = berth("", "exec", "bsurf", "nosuchcommand");
      Cmd dockerMissing = DockerCliIT.dockerWith(daemon, null, "exec", "bsurf", "nosuchcommand");
      assertThat(missing.exit()).isEqualTo(dockerMissing.exit()).isEqualTo(127);
      assertThat(missing.out()).isEqualTo(dockerMissing.out());

      for (List<String> args : List.<List<String>>of(List.of("top", "bsurf", "-o", "user,pid,comm"), List.of("top", "bsurf", "-o", "pid,args"))) {
        Cmd docker = DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new));
        Cmd berth = berth("", args.toArray(String[]::new));
        assertThat(berth.exit()).as(berth.err()).isZero();
        assertThat(berth.out()).isEqualTo(docker.out());
      }
      assertThat(berth("", "pause", "bsurf").out()).isEqualTo("bsurf\n");
      Cmd again = berth("", "pause", "bsurf");
      assertThat(again.err()).isEqualTo(DockerCliIT.dockerWith(daemon, null, "pause", "bsurf").err());
      assertThat(berth("", "unpause", "bsurf").out()).isEqualTo("bsurf\n");
      assertThat(berth("", "rename", "bsurf", "bsurf2").exit()).isZero();
      Cmd bad = berth("", "rename", "bsurf2", "bsurf2");
      Cmd dockerBad = DockerCliIT.dockerWith(daemon, null, "rename", "bsurf2", "bsurf2");
      assertThat(bad.exit()).isEqualTo(dockerBad.exit()).isEqualTo(1);
      assertThat(bad.err()).isEqualTo(dockerBad.err());

      List<String> events = List.of("events", "--since", "5m", "--until", "0s", "--filter", "container=bsurf2");
      Cmd docker = Wait.value(java.time.Duration.ofSeconds(10), () -> DockerCliIT.dockerWith(daemon, null,
          events.toArray(String[]::new)), c -> c.out().contains("rename"), "the rename event");
      assertThat(berth("", events.toArray(String[]::new)).out()).isEqualTo(docker.out());
      List<String> formatted = new java.util.ArrayList<>(events);
      formatted.addAll(List.of("--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}"));
      assertThat(berth("", formatted.toArray(String[]::new)).out())
          .isEqualTo(DockerCliIT.dockerWith(daemon, null, formatted.toArray(String[]::new)).out());
      formatted.set(formatted.size() - 1, "json");
      assertThat(berth("", formatted.toArray(String[]::new)).out())
          .isEqualTo(DockerCliIT.dockerWith(daemon, null, formatted.toArray(String[]::new)).out());
    } finally {
      berth("", "rm", "-f", "bsurf", "bsurf2");
    }
  }

  /** berth stats --no-stream: docker's columns and values (the stable ones compared with docker's). */
  @Test
  void stats_noStream_asDocker() throws Exception {
    daemon.bootstrapBusybox();
    assertThat(berth("", "run", "-d", "--name", "bstat", "busybox", "sh", "-c", "while :; do :; done").exit()).isZero();
    try {
      List<String> args = List.of("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}} {{.Container}}", "bstat");
      assertThat(berth("", args.toArray(String[]::new)).out())
          .isEqualTo(DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new)).out());
      Cmd table = berth("", "stats", "--no-stream", "bstat");
      String dockerHeader = DockerCliIT.dockerWith(daemon, null, "stats", "--no-stream", "bstat").out().lines()
          .findFirst().orElseThrow();
      assertThat(table.out().lines().findFirst().orElseThrow()).isEqualTo(dockerHeader);
      String cpu = berth("", "stats", "--no-stream", "--format", "{{.CPUPerc}}", "bstat").out().strip();
      assertThat(Double.parseDouble(cpu.replace("%", ""))).isBetween(80.0, 120.0);
    } finally {
      berth("", "rm", "-f", "bstat");
    }
  }

  /** berth run -t and exec -it through a real pseudo-terminal: the client's size, raw keys, the exit code. */
  @Test
  void tty_runAndExec_throughAPty() throws Exception {
    daemon.bootstrapBusybox();
    String berth = ProcessHandle.current().info().command().orElseThrow() + " -cp "
        + System.getProperty("java.class.path") + " io.berth.cli.Main";
    Map<String, String> env = Map.of("BERTH_HOST", daemon.host());
    Cmd size = Cmd.run(env, null, List.of("script", "-qec", "stty cols 71 rows 19; " + berth
        + " run --rm -t busybox stty size", "/dev/null"));
    assertThat(size.exit()).as(size.out() + size.err()).isZero();
    assertThat(size.out()).contains("19 71");
    Cmd shell = Cmd.run(env, "echo from-tty\nexit 5\n".getBytes(StandardCharsets.UTF_8), List.of("script", "-qec",
        berth + " run --rm -it busybox sh", "/dev/null"));
    assertThat(shell.exit()).as(shell.out() + shell.err()).isEqualTo(5);
    assertThat(shell.out()).contains("from-tty");
    assertThat(berth("", "run", "-d", "--name", "btty", "busybox", "sleep", "300").exit()).isZero();
    try {
      Cmd exec = Cmd.runStdinOpen(env, List.of("script", "-qec", "stty cols 66 rows 17; " + berth
          + " exec -it btty sh -c 'stty size; exit 4'", "/dev/null"));
      assertThat(exec.exit()).as(exec.out() + exec.err()).isEqualTo(4);
      assertThat(exec.out()).contains("17 66");
    } finally {
      berth("", "rm", "-f", "btty");
    }
  }

  /** berth cp lands files where docker cp does, both ways, and fails in docker's words. */
  @Test
  void cp_bothWays_asDockerCp() throws Exception {
    daemon.bootstrapBusybox();
    assertThat(berth("", "run", "-d", "--name", "bcp", "busybox", "sh", "-c", "mkdir -p /srv/d/sub && echo one > "
        + "/srv/d/a && echo two > /srv/d/sub/b && ln -s /etc/passwd /srv/d/abs && ln /srv/d/a /srv/d/hard && "
        + "touch /ready && sleep 300").exit()).isZero();
    Path work = Files.createTempDirectory("cp-work");
    try {
      Wait.until(Duration.ofSeconds(20), () -> berth("", "exec", "bcp", "test", "-e", "/ready").exit() == 0, "the files");
      // from the container: a file to a new name, a directory to a new name and into one, its contents
      List<List<String>> from = List.of(List.of("bcp:/srv/d/a", "f"), List.of("bcp:/srv/d", "newdir"),
          List.of("bcp:/srv/d", "existing"), List.of("bcp:/srv/d/.", "existing2"), List.of("bcp:/srv/d/sub/", "s"));
      for (String side : List.of("docker", "berth")) {
        Path root = Files.createDirectories(work.resolve(side));
        Files.createDirectories(root.resolve("existing"));
        Files.createDirectories(root.resolve("existing2"));
        for (List<String> c : from) {
          Cmd r = cp(side, c.get(0), root.resolve(c.get(1)) + (c.get(1).endsWith("/") ? "/" : ""));
          assertThat(r.exit()).as(side + " " + c + ": " + r.err()).isZero();
        }
      }
      assertThat(tree(work.resolve("berth"))).isEqualTo(tree(work.resolve("docker"))).contains("newdir/abs -> /etc/passwd",
          "existing/d/sub/b two", "existing2/a one", "f one", "s/b two");
      // to the container: a file into a directory, a directory to a new name, a tar on stdin
      Path up = Files.createDirectories(work.resolve("up/tree/inner"));
      Files.writeString(up.resolve("c"), "three\n");
      Files.writeString(work.resolve("up/file"), "four\n");
      for (String side : List.of("docker", "berth")) {
        assertThat(cp(side, work.resolve("up/file").toString(), "bcp:/srv/d").exit()).isZero();
        assertThat(cp(side, work.resolve("up/tree").toString(), "bcp:/srv/" + side + "tree").exit()).isZero();
        assertThat(berth("", "exec", "bcp", "sh", "-c", "cat /srv/d/file /srv/" + side + "tree/inner/c && rm /srv/d/file")
            .out()).as(side).isEqualTo("four\nthree\n");
      }
      byte[] tar = DockerCliIT.dockerWith(daemon, null, "cp", "bcp:/srv/d/sub", "-").out()
          .getBytes(StandardCharsets.ISO_8859_1);
      assertThat(berth("", "cp", "bcp:/srv/d/sub", "-").out().getBytes(StandardCharsets.ISO_8859_1).length)
          .isEqualTo(tar.length);
      // errors, word for word
      for (List<String> c : List.of(List.of("bcp:/nope", work.resolve("x").toString()),
          List.of(work.resolve("nope").toString(), "bcp:/srv"), List.of("bcp:/a", "bcp:/b"), List.of("a", "b"),
          List.of("bcp:/srv/d", work.resolve("up/file").toString()))) {
        Cmd d = cp("docker", c.get(0), c.get(1));
        Cmd b = cp("berth", c.get(0), c.get(1));
        assertThat(b.exit()).as(c + ": " + b.err()).isEqualTo(d.exit());
        assertThat(b.err().replace("berth", "docker")).as(c.toString()).isEqualTo(d.err());
      }
    } finally {
      berth("", "rm", "-f", "bcp");
      try (var walk = Files.walk(work)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static Cmd cp(String side, String from, String to) throws Exception {
    return side.equals("docker") ? DockerCliIT.dockerWith(daemon, null, "cp", from, to) : berth("", "cp", from, to);
  }

  /** Each path under {@code root} with what it holds: a file's text, a link's target. */
  private static List<String> tree(Path root) throws Exception {
    try (var walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root)).sorted().map(p -> {
        String rel = root.relativize(p).toString();
        try {
          if (Files.isSymbolicLink(p)) {
            return rel + " -> " + Files.readSymbolicLink(p);
          }
          return Files.isDirectory(p) ? rel + "/" : rel + " " + Files.readString(p).strip();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  /** berth container prune prints what docker's does. */
  @Test
  void containerPrune_printsWhatDockerPrints() throws Exception {
    daemon.bootstrapBusybox();
    String id = berth("", "create", "--label", "berth.test=bprune", "busybox", "sh").out().strip();
    berth("", "start", "-a", id);
    Cmd prune = berth("", "container", "prune", "-f", "--filter", "label=berth.test=bprune");
    assertThat(prune.exit()).as(prune.err()).isZero();
    assertThat(prune.out()).isEqualTo("Deleted Containers:\n" + id + "\n\nTotal reclaimed space: 0B\n");
    Cmd none = berth("", "container", "prune", "-f", "--filter", "label=berth.test=bprune");
    assertThat(none.out()).isEqualTo(DockerCliIT.dockerWith(daemon, null, "container", "prune", "-f", "--filter",
        "label=berth.test=bprune").out()).isEqualTo("Total reclaimed space: 0B\n");
    Cmd no = berth("n\n", "container", "prune");
    assertThat(no.exit()).isZero();
    assertThat(no.out()).isEqualTo("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
  }

  /** berth attach and wait: stdin, output and exit code, and docker's refusals word for word. */
  @Test
  void attachAndWait_asDockersDo() throws Exception {
    daemon.bootstrapBusybox();
    assertThat(berth("", "run", "-d", "-i", "--name", "batt", "busybox", "sh", "-c", "read x; echo got $x; exit 7")
        .exit()).isZero();
    try {
      Cmd att = berth("hello\n", "attach", "batt");
      assertThat(att.exit()).as(att.err()).isEqualTo(7);
      assertThat(att.out()).isEqualTo("got hello\n");
      assertThat(berth("", "wait", "batt").out()).isEqualTo("7\n");
      for (List<String> args : List.of(List.of("attach", "batt"), List.of("wait", "batt", "nosuch"),
          List.of("attach", "nosuch"))) {
        Cmd docker = DockerCliIT.dockerWith(daemon, null, args.toArray(String[]::new));
        Cmd berth = berth("", args.toArray(String[]::new));
        assertThat(berth.exit()).as(args + ": " + berth.err()).isEqualTo(docker.exit());
        assertThat(berth.out()).as(args.toString()).isEqualTo(docker.out());
        assertThat(berth.err().replace("berth", "docker")).as(args.toString()).isEqualTo(docker.err());
      }
    } finally {
      berth("", "rm", "-f", "batt");
    }
  }

  /** berth run without a terminal hands the signals it gets to the container (--sig-proxy, on by default). */
  @Test
  void run_signalsToTheClient_goToTheContainer() throws Exception {
    daemon.bootstrapBusybox();
    var pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), "io.berth.cli.Main", "run", "--name", "bsig", "busybox", "sh", "-c",
        "trap 'echo trapped; exit 9' TERM; echo ready; while :; do sleep 0.1; done");
    pb.environment().put("BERTH_HOST", daemon.host());
    pb.redirectErrorStream(true);
    Process proc = pb.start();
    try {
      var out = new java.io.BufferedReader(new java.io.InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("ready");
      proc.toHandle().destroy(); // SIGTERM to the client (Process.destroy would close its streams too)
      assertThat(out.readLine()).isEqualTo("trapped");
      assertThat(proc.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(proc.exitValue()).isEqualTo(9);
    } finally {
      proc.destroyForcibly();
      berth("", "rm", "-f", "bsig");
    }
  }

  /** berth attach on a terminal: the container's terminal follows the client's size when it changes. */
  @Test
  void attach_terminalResized_resizesTheContainers() throws Exception {
    daemon.bootstrapBusybox();
    String berth = ProcessHandle.current().info().command().orElseThrow() + " -cp "
        + System.getProperty("java.class.path") + " io.berth.cli.Main";
    assertThat(berth("", "run", "-d", "-t", "--name", "bwinch", "busybox", "sleep", "300").exit()).isZero();
    long since = java.time.Instant.now().getEpochSecond();
    Path go = Files.createTempFile("berth-winch", ".go");
    Files.delete(go);
    // the shell changes the terminal's size once the test says so: stty's change signals the attach
    var pb = new ProcessBuilder("script", "-qec", "stty rows 10 cols 50; " + berth + " attach --no-stdin bwinch & "
        + "until [ -e " + go + " ]; do sleep 0.05; done; stty rows 23 cols 77; wait", "/dev/null");
    pb.environment().put("BERTH_HOST", daemon.host());
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process proc = pb.start();
    try {
      // the first resize is attach's own, made once it watches for changes
      Wait.until(java.time.Duration.ofSeconds(30), () -> resizes(since).contains("10x50"), "the first resize");
      Files.createFile(go);
      Wait.until(java.time.Duration.ofSeconds(30), () -> resizes(since).contains("23x77"), "the resize after stty");
    } finally {
      berth("", "rm", "-f", "bwinch");
      proc.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
      proc.destroyForcibly();
      Files.deleteIfExists(go);
    }
  }

  private static String resizes(long since) throws Exception {
    return DockerCliIT.dockerWith(daemon, null, "events", "--since", Long.toString(since), "--until",
        Long.toString(java.time.Instant.now().getEpochSecond() + 1), "--filter", "event=resize", "--format",
        "{{.Actor.Attributes.height}}x{{.Actor.Attributes.width}}").out();
  }

  /** berth run -it through a pty: ctrl-p ctrl-q detaches with exit 0, the container runs on. */
  @Test
  void tty_detachKeys_leaveTheContainerRunning() throws Exception {
    daemon.bootstrapBusybox();
    String berth = ProcessHandle.current().info().command().orElseThrow() + " -cp "
        + System.getProperty("java.class.path") + " io.berth.cli.Main";
    var pb = new ProcessBuilder("script", "-qec", berth + " run -it --name bdetach busybox sh", "/dev/null");
    pb.environment().put("BERTH_HOST", daemon.host());
    pb.redirectErrorStream(true);
    Process proc = pb.start();
    var out = new java.io.ByteArrayOutputStream();
    Thread.ofVirtual().start(() -> {
      try (var in = proc.getInputStream()) {
        in.transferTo(new java.io.OutputStream() {
          @Override
          public void write(int b) {
            synchronized (out) {
              out.write(b);
            }
          }
        });
      } catch (java.io.IOException e) {
        // the process ended
      }
    });
    try {
      var stdin = proc.getOutputStream();
      stdin.write("echo o''ne\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      // the shell's answer means berth's terminal is raw by now, so the keys pass as bytes
      Wait.until(java.time.Duration.ofSeconds(20), () -> {
        synchronized (out) {
          return out.toString(StandardCharsets.UTF_8).contains("one\r\n");
        }
      }, "the shell's answer");
      stdin.write(new byte[] {16, 17});
      stdin.flush();
      assertThat(proc.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(proc.exitValue()).isZero();
      assertThat(berth("", "inspect", "-f", "{{.State.Running}}", "bdetach").out()).isEqualTo("true\n");
    } finally {
      proc.destroyForcibly();
      berth("", "rm", "-f", "bdetach");
    }
  }

  /** The same to the byte, unless the two runs fell on either side of a second (see below). */
  private static void assertSameOutput(String berth, String docker) {
    if (!berth.equals(docker)) {
      assertThat(sinceless(berth)).isEqualTo(sinceless(docker));
    }
  }

  /**
   * Times since creation may straddle a second between the two runs, and a column then takes
   * another width: both are left out of the comparison.
   */
  private static String sinceless(String out) {
    return out.replaceAll("(Less than a second|\\d+ seconds?|About a minute|\\d+ minutes)( ago)?", "…")
        .replaceAll(" {2,}", "  ");
  }

  @Test
  void bootstrapRunPsLogsRm_endToEnd() throws Exception {
    Cmd boot = berth("", "image", "bootstrap", "busybox");
    assertThat(boot.exit()).as(boot.err()).isZero();
    assertThat(boot.out()).contains("sha256:");
    Cmd run = berth("", "run", "--rm", "busybox", "echo", "hello from berth");
    assertThat(run.out()).isEqualTo("hello from berth\n");
    assertThat(run.exit()).isZero();
    assertThat(berth("", "run", "--rm", "busybox", "sh", "-c", "exit 5").exit()).isEqualTo(5);
    assertThat(berth("x\ny\n", "run", "-i", "--rm", "busybox", "wc", "-l").out().strip()).isEqualTo("2");

    String id = berth("", "run", "-d", "--name", "bg", "busybox", "sh", "-c", "echo started; sleep 30").out().strip();
    assertThat(id).hasSize(64);
    Wait.until(Duration.ofSeconds(10), () -> berth("", "logs", "bg").out().equals("started\n"),
        "the first line in bg's log");
    Cmd ps = berth("", "ps");
    assertThat(ps.out()).startsWith("CONTAINER ID   IMAGE     COMMAND");
    assertThat(ps.out()).contains(id.substring(0, 12)).contains("bg");
    assertThat(berth("", "ps", "-q").out().strip()).isEqualTo(id.substring(0, 12));
    assertThat(berth("", "logs", "bg").out()).isEqualTo("started\n");
    assertThat(berth("", "inspect", "-f", "{{.Name}} {{.State.Status}}", "bg").out().strip()).isEqualTo("/bg running");
    Cmd rm = berth("", "rm", "bg");
    assertThat(rm.exit()).isEqualTo(1);
    assertThat(rm.err()).contains("container is running");
    assertThat(berth("", "stop", "-t", "1", "bg").out().strip()).isEqualTo("bg");
    assertThat(berth("", "rm", "bg").out().strip()).isEqualTo("bg");
  }

  @Test
  void diffAndExport_asDockersVerbs() throws Exception {
    if (berth("", "image", "inspect", "busybox").exit() != 0) {
      daemon.bootstrapBusybox();
    }
    String id = berth("", "run", "-d", "busybox", "sh", "-c", "echo x > /made").out().strip();
    java.nio.file.Path tar = java.nio.file.Files.createTempFile("berth-cli-export", ".tar");
    try {
      Wait.value(java.time.Duration.ofSeconds(15),
          () -> berth("", "inspect", "-f", "{{.State.Status}}", id),
          c -> c.out().strip().equals("exited"), "the container to exit");
      assertThat(berth("", "diff", id).out()).isEqualTo("A /made\n");
      Cmd export = berth("", "export", "-o", tar.toString(), id);
      assertThat(export.exit()).as(export.err()).isZero();
      assertThat(java.nio.file.Files.size(tar)).isGreaterThan(1024);
    } finally {
      berth("", "rm", "-f", id);
      java.nio.file.Files.deleteIfExists(tar);
    }
  }

  @Test
  void errors_inDockersWords() {
    Cmd rm = berth("", "rm", "nosuch");
    assertThat(rm.exit()).isEqualTo(1);
    assertThat(rm.err()).isEqualTo("Error response from daemon: No such container: nosuch\n");
    Cmd run = berth("", "run", "nosuchimage");
    assertThat(run.exit()).isEqualTo(125);
    assertThat(run.err()).contains("Unable to find image 'nosuchimage:latest' locally");
    Cmd flag = berth("", "ps", "--nosuchflag");
    assertThat(flag.exit()).isNotZero();
    assertThat(flag.err()).contains("unknown flag: --nosuchflag");
  }

  @Test
  void importTagImagesRmi() throws Exception {
    Path tar = Files.createTempFile("rootfs", ".tar");
    try {
      new ProcessBuilder("tar", "-C", "/", "-cf", tar.toString(), "bin/busybox").start().waitFor();
      Cmd imp = berth("", "import", "-c", "CMD [\"/bin/busybox\", \"true\"]", tar.toString(), "mine:1");
      assertThat(imp.exit()).as(imp.err()).isZero();
      assertThat(berth("", "tag", "mine:1", "mine:2").exit()).isZero();
      Cmd images = berth("", "images");
      assertThat(images.out()).startsWith("REPOSITORY").contains("mine").contains("1").contains("2");
      assertThat(berth("", "run", "--rm", "mine:2").exit()).isZero();
      assertThat(berth("", "rmi", "mine:1").out()).contains("Untagged: mine:1");
      Cmd rmi = berth("", "rmi", "mine:2");
      assertThat(rmi.out()).contains("Untagged: mine:2").contains("Deleted: sha256:");
    } finally {
      Files.deleteIfExists(tar);
    }
  }
}
