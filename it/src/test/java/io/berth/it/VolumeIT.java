package io.berth.it;

import static io.berth.it.DockerCliIT.dockerWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Volumes driven by the docker CLI: the volume commands, and containers mounting volumes and binds. */
@Tag("privileged")
class VolumeIT extends SharedDaemon {
  @BeforeAll
  static void busybox() throws Exception {
    daemon.bootstrapBusybox();
  }

  private static Cmd docker(String... args) throws Exception {
    return dockerWith(daemon, null, args);
  }

  @AfterEach
  void removeAll() throws Exception {
    String ids = docker("ps", "-aq").out().strip();
    if (!ids.isEmpty()) {
      docker(java.util.stream.Stream.concat(java.util.stream.Stream.of("rm", "-f", "-v"), ids.lines()).toArray(String[]::new));
    }
    String names = docker("volume", "ls", "-q").out().strip();
    if (!names.isEmpty()) {
      docker(java.util.stream.Stream.concat(java.util.stream.Stream.of("volume", "rm", "-f"), names.lines()).toArray(String[]::new));
    }
  }

  @Test
  void volumeCommands_createListInspectRemovePrune() throws Exception {
    assertThat(docker("volume", "create", "data").out()).isEqualTo("data\n");
    assertThat(docker("volume", "create", "--label", "tier=db", "data2").out()).isEqualTo("data2\n");
    String anonymous = docker("volume", "create").out().strip();
    assertThat(anonymous).matches("[0-9a-f]{64}");
    // a second create of a name answers with the volume there is
    Cmd again = docker("volume", "create", "--label", "other=1", "data");
    assertThat(again.out()).as(again.err()).isEqualTo("data\n");

    Cmd ls = docker("volume", "ls", "--filter", "name=data");
    assertThat(ls.out()).isEqualTo("DRIVER    VOLUME NAME\nlocal     data\nlocal     data2\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "label=tier=db").out()).isEqualTo("data2\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "label=com.docker.volume.anonymous").out())
        .isEqualTo(anonymous + "\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "dangling=false").out()).isEmpty();

    Cmd inspect = docker("volume", "inspect", "data");
    assertThat(inspect.out()).matches("(?s)\\[\n    \\{\n        \"CreatedAt\": \"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}(Z|[+-][0-9:]{5})\",\n"
        + "        \"Driver\": \"local\",\n        \"Labels\": null,\n        \"Mountpoint\": \"\\Q"
        + daemon.dataRoot().resolve("volumes/data/_data") + "\\E\",\n        \"Name\": \"data\",\n"
        + "        \"Options\": null,\n        \"Scope\": \"local\"\n    }\n]\n");
    assertThat(docker("volume", "inspect", "-f", "{{.Labels}}", "data2").out()).isEqualTo("map[tier:db]\n");

    Cmd shortName = docker("volume", "create", "a");
    assertThat(shortName.exit()).isEqualTo(1);
    assertThat(shortName.err()).isEqualTo("Error response from daemon: create a: volume name is too short, names"
        + " should be at least two alphanumeric characters\n");
    Cmd badName = docker("volume", "create", "a/b");
    assertThat(badName.err()).contains("create a/b: \"a/b\" includes invalid characters for a local volume name");
    Cmd badOption = docker("volume", "create", "-o", "foo=bar", "xx");
    assertThat(badOption.err()).isEqualTo("Error response from daemon: create xx: invalid option: \"foo\"\n");
    assertThat(docker("volume", "create", "-o", "type=tmpfs", "xx").err())
        .isEqualTo("Error response from daemon: create xx: missing required option: \"device\"\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "name=xx").out()).isEmpty();

    Cmd missing = docker("volume", "rm", "nosuch");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Error response from daemon: get nosuch: no such volume\n");
    assertThat(docker("volume", "rm", "-f", "nosuch").exit()).isZero();
    Cmd rm = docker("volume", "rm", "data");
    assertThat(rm.out()).as(rm.err()).isEqualTo("data\n");
    assertThat(daemon.dataRoot().resolve("volumes/data")).doesNotExist();

    // prune takes anonymous volumes only, unless asked for all
    Cmd prune = docker("volume", "prune", "-f");
    assertThat(prune.out()).as(prune.err()).isEqualTo("Deleted Volumes:\n" + anonymous + "\n\nTotal reclaimed space: 0B\n");
    Files.writeString(daemon.dataRoot().resolve("volumes/data2/_data/f"), "12345");
    Cmd all = docker("volume", "prune", "-a", "-f");
    assertThat(all.out()).as(all.err()).isEqualTo("Deleted Volumes:\ndata2\n\nTotal reclaimed space: 5B\n");
    assertThat(docker("volume", "ls", "-q").out()).isEmpty();
  }

  @Test
  void systemDf_countsVolumesAndTheirSizes() throws Exception {
    docker("volume", "create", "sized");
    Files.write(daemon.dataRoot().resolve("volumes/sized/_data/f"), new byte[2000]);
    Cmd df = docker("system", "df", "-v");
    assertThat(df.out()).as(df.err()).contains("Local Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\nsized         0         2kB\n");
    assertThat(docker("system", "df", "--format", "{{.Type}} {{.TotalCount}} {{.Size}}").out())
        .contains("Local Volumes 1 2kB\n");
    assertThat(Path.of(daemon.dataRoot().toString(), "volumes", "sized", "_data")).isDirectory();
  }

  /** Two containers on one volume see each other's writes at once; the data outlives them and a SIGKILL of berthd. */
  @Test
  void namedVolume_sharedAtOnce_outlivesContainersAndACrash() throws Exception {
    Cmd watcher = docker("run", "-d", "--name", "watcher", "-v", "shared:/data", "busybox", "sh", "-c",
        "echo one > /data/f; while [ ! -f /data/g ]; do sleep 0.05; done; cat /data/g > /data/h; sleep 300");
    assertThat(watcher.exit()).as(watcher.err()).isZero();
    Path data = daemon.dataRoot().resolve("volumes/shared/_data");
    Wait.until(Duration.ofSeconds(20), () -> Files.exists(data.resolve("f")), "the first container's write");
    Cmd writer = docker("run", "--rm", "-v", "shared:/data", "busybox", "sh", "-c", "cat /data/f; echo two > /data/g");
    assertThat(writer.out()).as(writer.err()).isEqualTo("one\n");
    Wait.until(Duration.ofSeconds(20), () -> Files.exists(data.resolve("h")), "the first container seeing the second's write");
    assertThat(data.resolve("h")).hasContent("two");

    Cmd inUse = docker("volume", "rm", "shared");
    assertThat(inUse.exit()).isEqualTo(1);
    String id = docker("inspect", "-f", "{{.Id}}", "watcher").out().strip();
    assertThat(inUse.err()).isEqualTo("Error response from daemon: remove shared: volume is in use - [" + id + "]\n");
    assertThat(docker("ps", "--filter", "volume=shared", "--format", "{{.Names}} {{.Mounts}}").out())
        .isEqualTo("watcher shared\n");
    assertThat(docker("ps", "-q", "--filter", "volume=/data").out()).isEqualTo(id.substring(0, 12) + "\n");
    assertThat(docker("inspect", "-f", "{{json .Mounts}}", "watcher").out()).isEqualTo("[{\"Type\":\"volume\","
        + "\"Name\":\"shared\",\"Source\":\"" + data + "\",\"Destination\":\"/data\",\"Driver\":\"local\","
        + "\"Mode\":\"z\",\"RW\":true,\"Propagation\":\"\"}]\n");

    daemon.kill();
    daemon.start();
    // still referenced by the container that survived the crash
    assertThat(docker("volume", "rm", "shared").exit()).isEqualTo(1);
    assertThat(docker("rm", "-f", "-v", "watcher").exit()).isZero();
    // a named volume stays when its container goes, even with -v
    Cmd again = docker("run", "--rm", "-v", "shared:/data", "busybox", "cat", "/data/f", "/data/g");
    assertThat(again.out()).as(again.err()).isEqualTo("one\ntwo\n");
  }

  /**
   * A new volume is filled from the image (owners, modes, links kept), an existing or nocopy one is
   * not; the image's VOLUME makes an anonymous volume that rm -v removes.
   */
  @Test
  void copyUp_fillsNewVolumesFromTheImage_andImageVolumesAreAnonymous() throws Exception {
    Cmd build = docker("run", "--name", "maker", "busybox", "sh", "-c", "mkdir /app && echo content > /app/f"
        + " && chown 1000:2000 /app/f && chmod 640 /app/f && ln -s /etc/passwd /app/link && chmod 1777 /app");
    assertThat(build.exit()).as(build.err()).isZero();
    assertThat(docker("commit", "-c", "VOLUME /app", "maker", "withapp").exit()).isZero();
    try {
      String stat = "stat -c '%n %u:%g %a' /app /app/f; readlink /app/link; cat /app/f";
      Cmd named = docker("run", "--rm", "-v", "appvol:/app", "withapp", "sh", "-c", stat);
      assertThat(named.out()).as(named.err()).isEqualTo("/app 0:0 1777\n/app/f 1000:2000 640\n/etc/passwd\ncontent\n");
      // an existing volume keeps what it has
      Files.writeString(daemon.dataRoot().resolve("volumes/appvol/_data/f"), "changed\n");
      assertThat(docker("run", "--rm", "-v", "appvol:/app", "withapp", "cat", "/app/f").out()).isEqualTo("changed\n");
      assertThat(docker("run", "--rm", "-v", "empty:/app:nocopy", "withapp", "ls", "-A", "/app").out()).isEmpty();

      Cmd anon = docker("run", "-d", "--name", "anon", "withapp", "sleep", "300");
      assertThat(anon.exit()).as(anon.err()).isZero();
      String volume = docker("inspect", "-f", "{{range .Mounts}}{{.Name}} {{.Destination}} [{{.Mode}}]{{end}}", "anon")
          .out().strip();
      assertThat(volume).matches("[0-9a-f]{64} /app \\[\\]");
      String name = volume.substring(0, 64);
      assertThat(daemon.dataRoot().resolve("volumes/" + name + "/_data/f")).hasContent("content");
      assertThat(docker("volume", "inspect", "-f", "{{.Labels}}", name).out()).isEqualTo("map[com.docker.volume.anonymous:]\n");
      assertThat(docker("rm", "-f", "-v", "anon").exit()).isZero();
      assertThat(docker("volume", "ls", "-q", "--filter", "name=" + name).out()).isEmpty();
      // --rm takes the anonymous volume too
      docker("run", "--rm", "withapp", "true");
      assertThat(docker("volume", "ls", "-q", "--filter", "label=com.docker.volume.anonymous").out()).isEmpty();
    } finally {
      docker("rmi", "-f", "withapp");
    }
  }

  /** ro and readonly mounts refuse writes with EROFS; -v makes a missing bind source, --mount refuses it. */
  @Test
  void bindsAndReadOnly_asDockerMountsThem() throws Exception {
    Path base = Files.createTempDirectory(Path.of("/tmp"), "bitvol");
    try {
      Path made = base.resolve("made/sub");
      Cmd write = docker("run", "--rm", "-v", made + ":/b", "busybox", "sh", "-c", "echo hi > /b/x");
      assertThat(write.exit()).as(write.err()).isZero();
      assertThat(made.resolve("x")).hasContent("hi");
      Cmd ro = docker("run", "--rm", "-v", made + ":/b:ro", "busybox", "sh", "-c", "cat /b/x; echo no > /b/y");
      assertThat(ro.out()).isEqualTo("hi\n");
      assertThat(ro.err()).contains("Read-only file system");
      assertThat(ro.exit()).isEqualTo(1);
      Cmd roMount = docker("run", "--rm", "--mount", "type=bind,src=" + made + ",dst=/b,readonly", "busybox",
          "touch", "/b/z");
      assertThat(roMount.err()).contains("Read-only file system");
      Cmd roVolume = docker("run", "--rm", "--mount", "type=volume,src=rovol,dst=/v,readonly", "busybox", "touch", "/v/z");
      assertThat(roVolume.err()).contains("Read-only file system");
      Cmd file = docker("run", "--rm", "-v", made.resolve("x") + ":/etc/motd:ro", "busybox", "cat", "/etc/motd");
      assertThat(file.out()).isEqualTo("hi\n");
      // the host's root, above the daemon's: rslave as dockerd makes it, private where / cannot propagate
      Cmd root = docker("run", "--name", "rooted", "-v", "/:/host:ro", "busybox", "cat", "/host" + made.resolve("x"));
      assertThat(root.out()).as(root.err()).isEqualTo("hi\n");
      assertThat(docker("inspect", "-f", "{{range .Mounts}}{{.Propagation}}{{end}}", "rooted").out()).isEqualTo("rslave\n");
      docker("rm", "rooted");

      Cmd missing = docker("run", "--rm", "--mount", "type=bind,src=" + base.resolve("nope") + ",dst=/b", "busybox", "true");
      assertThat(missing.exit()).isEqualTo(125);
      assertThat(missing.err()).contains("Error response from daemon: invalid mount config for type \"bind\": "
          + "bind source path does not exist: " + base.resolve("nope"));
      assertThat(base.resolve("nope")).doesNotExist();
      Cmd dup = docker("run", "--rm", "-v", made + ":/x", "-v", "vol2:/x", "busybox", "true");
      assertThat(dup.err()).contains("Duplicate mount point: /x");
      Cmd mode = docker("run", "--rm", "-v", made + ":/x:rw,ro", "busybox", "true");
      assertThat(mode.err()).contains("invalid mode: rw,ro");
      assertThat(docker("ps", "-aq").out()).isEmpty();
      Cmd inspect = docker("create", "--name", "shown", "-v", made + ":/b:ro", "--mount", "type=tmpfs,dst=/t,tmpfs-size=1m",
          "--tmpfs", "/run:size=2m", "busybox", "true");
      assertThat(inspect.exit()).as(inspect.err()).isZero();
      assertThat(docker("inspect", "-f", "{{json .Mounts}}", "shown").out()).isEqualTo("[{\"Type\":\"bind\",\"Source\":\""
          + made + "\",\"Destination\":\"/b\",\"Mode\":\"ro\",\"RW\":false,\"Propagation\":\"rprivate\"},"
          + "{\"Type\":\"tmpfs\",\"Source\":\"\",\"Destination\":\"/t\",\"Mode\":\"\",\"RW\":true,\"Propagation\":\"\"}]\n");
    } finally {
      docker("rm", "-f", "shown");
      new ProcessBuilder("rm", "-rf", base.toString()).start().waitFor();
    }
  }

  /** Volumes of the local driver's options: a tmpfs, and a bind of a host directory, mounted while used. */
  @Test
  void driverOptions_tmpfsAndBindVolumes_mountedWhileUsed() throws Exception {
    Path host = Files.createTempDirectory(Path.of("/tmp"), "bitvolopt");
    try {
      Files.writeString(host.resolve("h"), "from host");
      assertThat(docker("volume", "create", "-o", "type=tmpfs", "-o", "device=tmpfs", "-o", "o=size=64m", "tv").exit()).isZero();
      Cmd tmpfs = docker("run", "--rm", "-v", "tv:/data", "busybox", "sh", "-c", "grep ' /data ' /proc/mounts");
      assertThat(tmpfs.out()).as(tmpfs.err()).isEqualTo("tmpfs /data tmpfs rw,relatime,size=65536k 0 0\n");
      assertThat(docker("volume", "inspect", "-f", "{{.Options}}", "tv").out()).isEqualTo("map[device:tmpfs o:size=64m type:tmpfs]\n");
      assertThat(docker("volume", "create", "-o", "type=none", "-o", "o=bind", "-o", "device=" + host, "bv").exit()).isZero();
      Cmd bind = docker("run", "--rm", "-v", "bv:/data", "busybox", "sh", "-c", "cat /data/h; echo c > /data/c");
      assertThat(bind.out()).as(bind.err()).isEqualTo("from host");
      assertThat(host.resolve("c")).hasContent("c");
      // unmounted once unused; removing the volume leaves the host's directory alone
      assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain("volumes/bv/_data");
      assertThat(docker("volume", "rm", "bv", "tv").exit()).isZero();
      assertThat(host.resolve("h")).hasContent("from host");
      // never pruned: dockerd keeps volumes with options out of prune
      docker("volume", "create", "-o", "type=none", "-o", "o=bind", "-o", "device=/nonexistent", "bad");
      assertThat(docker("volume", "prune", "-a", "-f").out()).isEqualTo("Total reclaimed space: 0B\n");
      Cmd failed = docker("run", "--rm", "-v", "bad:/data", "busybox", "true");
      assertThat(failed.err()).contains("error while mounting volume '" + daemon.dataRoot().resolve("volumes/bad/_data")
          + "': failed to mount local volume: mount /nonexistent:" + daemon.dataRoot().resolve("volumes/bad/_data")
          + ", flags: 0x1000: no such file or directory");
    } finally {
      new ProcessBuilder("rm", "-rf", host.toString()).start().waitFor();
    }
  }

  /** --tmpfs and tmpfs mounts with dockerd's default flags; --volumes-from with :ro. */
  @Test
  void tmpfsAndVolumesFrom() throws Exception {
    Cmd tmpfs = docker("run", "--rm", "--tmpfs", "/t:size=1m,mode=700", "--mount", "type=tmpfs,dst=/u,tmpfs-mode=1770",
        "busybox", "sh", "-c", "grep ' /t ' /proc/mounts; grep ' /u ' /proc/mounts; stat -c '%a' /t /u");
    assertThat(tmpfs.out()).as(tmpfs.err()).isEqualTo("tmpfs /t tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k,mode=700 0 0\n"
        + "tmpfs /u tmpfs rw,nosuid,nodev,noexec,relatime,mode=1770 0 0\n700\n1770\n");
    Cmd bad = docker("run", "--rm", "--tmpfs", "/t:foo=bar", "busybox", "true");
    assertThat(bad.err()).contains("invalid tmpfs option [\"foo\" \"bar\"]");

    Cmd src = docker("create", "--name", "source", "-v", "/anon", "-v", "fromvol:/named", "busybox", "true");
    assertThat(src.exit()).as(src.err()).isZero();
    Cmd rw = docker("run", "--rm", "--volumes-from", "source", "busybox", "sh", "-c", "echo a > /anon/a; echo n > /named/n");
    assertThat(rw.exit()).as(rw.err()).isZero();
    Cmd ro = docker("run", "--rm", "--volumes-from", "source:ro", "busybox", "sh", "-c", "cat /anon/a /named/n; touch /named/x");
    assertThat(ro.out()).isEqualTo("a\nn\n");
    assertThat(ro.err()).contains("Read-only file system");
    Cmd missing = docker("run", "--rm", "--volumes-from", "nosuch", "busybox", "true");
    assertThat(missing.err()).contains("No such container: nosuch");
  }

  /**
   * docker cp into and out of a container reaches its volumes and binds, not the layer beneath,
   * running or stopped; a read-only mount refuses, and paths resolve inside the container.
   */
  @Test
  void cp_reachesVolumesAndBinds_runningOrStopped() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "bitcp");
    try {
      Path bound = Files.createDirectories(dir.resolve("bound"));
      Files.writeString(dir.resolve("in.txt"), "copied in\n");
      Cmd run = docker("run", "-d", "--name", "cpc", "-v", "cpvol:/data", "-v", bound + ":/b", "-v", "rovol:/ro:ro",
          "busybox", "sleep", "300");
      assertThat(run.exit()).as(run.err()).isZero();
      Cmd in = docker("cp", dir.resolve("in.txt").toString(), "cpc:/data/");
      assertThat(in.exit()).as(in.err()).isZero();
      assertThat(daemon.dataRoot().resolve("volumes/cpvol/_data/in.txt")).hasContent("copied in");
      assertThat(docker("cp", dir.resolve("in.txt").toString(), "cpc:/b/renamed.txt").exit()).isZero();
      assertThat(bound.resolve("renamed.txt")).hasContent("copied in");
      Cmd ro = docker("cp", dir.resolve("in.txt").toString(), "cpc:/ro/");
      assertThat(ro.exit()).isEqualTo(1);
      assertThat(ro.err()).contains("Error response from daemon: mounted volume is marked read-only");
      Files.writeString(bound.resolve("host.txt"), "from the host\n");
      Cmd out = docker("cp", "cpc:/b/host.txt", dir.resolve("out.txt").toString());
      assertThat(out.exit()).as(out.err()).isZero();
      assertThat(dir.resolve("out.txt")).hasContent("from the host");
      // into the container's root, through a link to it: inside the container, never the host's /
      docker("exec", "cpc", "ln", "-s", "/", "/tmp/rootlink");
      Cmd root = docker("cp", dir.resolve("in.txt").toString(), "cpc:/tmp/rootlink/planted-by-cp");
      assertThat(root.exit()).as(root.err()).isZero();
      assertThat(Path.of("/planted-by-cp")).doesNotExist();
      assertThat(docker("exec", "cpc", "cat", "/planted-by-cp").out()).isEqualTo("copied in\n");
      Files.writeString(dir.resolve("atroot.txt"), "at the root\n");
      assertThat(docker("cp", dir.resolve("atroot.txt").toString(), "cpc:/").exit()).isZero();
      assertThat(docker("exec", "cpc", "cat", "/atroot.txt").out()).isEqualTo("at the root\n");
      Cmd missing = docker("cp", "cpc:/nope", dir.resolve("x").toString());
      assertThat(missing.err()).isEqualTo("Error response from daemon: Could not find the file /nope in container cpc\n");

      // stopped: the volume and the bind are still where the container sees them
      assertThat(docker("stop", "-t", "0", "cpc").exit()).isZero();
      Cmd tree = docker("cp", "cpc:/data", dir.resolve("data-out").toString());
      assertThat(tree.exit()).as(tree.err()).isZero();
      assertThat(dir.resolve("data-out/in.txt")).hasContent("copied in");
      assertThat(docker("cp", dir.resolve("in.txt").toString(), "cpc:/b/stopped.txt").exit()).isZero();
      assertThat(bound.resolve("stopped.txt")).hasContent("copied in");
      assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(daemon.dataRoot().toString());
      // the layer beneath /data never got the file
      Path exported = dir.resolve("export.tar");
      assertThat(docker("export", "-o", exported.toString(), "cpc").exit()).isZero();
      Process list = new ProcessBuilder("tar", "-tf", exported.toString()).start();
      String names = new String(list.getInputStream().readAllBytes());
      assertThat(list.waitFor()).isZero();
      assertThat(names).contains("etc/passwd").doesNotContain("in.txt");
    } finally {
      docker("rm", "-f", "cpc");
      new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
    }
  }

  /** A bind with rslave propagation sees what the host mounts under its source afterwards. */
  @Test
  void propagation_slaveBindSeesLaterHostMounts() throws Exception {
    Path base = Files.createTempDirectory(Path.of("/tmp"), "bitprop");
    Path sub = Files.createDirectories(base.resolve("sub"));
    try {
      run("mount", "--bind", base.toString(), base.toString());
      run("mount", "--make-shared", base.toString());
      Cmd c = docker("run", "-d", "--name", "prop", "--mount", "type=bind,src=" + base + ",dst=/m,bind-propagation=rslave",
          "busybox", "sh", "-c", "while [ ! -f /m/sub/marker ]; do sleep 0.05; done; echo seen; sleep 300");
      assertThat(c.exit()).as(c.err()).isZero();
      run("mount", "-t", "tmpfs", "tmpfs", sub.toString());
      Files.writeString(sub.resolve("marker"), "x");
      Wait.until(Duration.ofSeconds(20), () -> docker("logs", "prop").out().contains("seen"), "the host's mount in the container");
      Cmd notShared = docker("run", "--rm", "--mount", "type=bind,src=/tmp,dst=/m,bind-propagation=rshared", "busybox", "true");
      assertThat(notShared.err()).contains("path /tmp is mounted on / but it is not a shared mount");
    } finally {
      docker("rm", "-f", "prop");
      run("umount", "-l", sub.toString());
      run("umount", "-l", base.toString());
      new ProcessBuilder("rm", "-rf", base.toString()).start().waitFor();
    }
  }

  private static void run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", argv) + ": " + out);
    }
  }
}
