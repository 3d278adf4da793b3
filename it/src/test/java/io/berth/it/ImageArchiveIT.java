package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker save and load, and skopeo reading and writing berthd through its docker-daemon: transport. */
class ImageArchiveIT extends SharedDaemon {
  static Path work;

  @BeforeAll
  static void setUp() throws Exception {
    Prerequisites.requireRegistry();
    daemon.bootstrapBusybox();
    work = Files.createTempDirectory(Path.of("/tmp"), "berth-archive");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (work != null) {
      io.berth.common.io.MoreFiles.deleteRecursively(work);
    }
  }

  static Cmd docker(String... args) throws Exception {
    return DockerCliIT.dockerWith(daemon, null, args);
  }

  @Test
  void save_thenLoad_bringsTheImageBack() throws Exception {
    docker("tag", "busybox", "saved:1");
    Path tar = work.resolve("saved.tar");
    Cmd save = docker("save", "-o", tar.toString(), "saved:1");
    assertThat(save.exit()).as(save.err()).isZero();
    Cmd list = Cmd.run(Map.of(), null, List.of("tar", "tf", tar.toString()));
    assertThat(list.out()).contains("manifest.json", "index.json", "oci-layout", "repositories", "blobs/sha256/");

    assertThat(docker("rmi", "saved:1").exit()).isZero();
    Cmd load = docker("load", "-i", tar.toString());
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(load.out()).isEqualTo("Loaded image: saved:1\n");
    assertThat(docker("run", "--rm", "saved:1", "echo", "back").out()).isEqualTo("back\n");
  }

  @Test
  void load_gzipOfAnOciLayout_andRefusesWhatIsNoArchive() throws Exception {
    OciLayout oci = new OciLayout(work.resolve("layout"));
    var img = oci.image("amd64", List.of(oci.layer(OciLayout.busybox()),
        oci.layer(List.of(OciLayout.Entry.file("marker", "oci\n")))), List.of("sh"));
    oci.tag(img, "docker.io/library/fromoci:2");
    Path tgz = work.resolve("layout.tar.gz");
    Cmd tar = Cmd.run(Map.of(), null, List.of("tar", "-czf", tgz.toString(), "-C", oci.dir().toString(), "."));
    assertThat(tar.exit()).as(tar.err()).isZero();
    Cmd load = docker("load", "-i", tgz.toString());
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(docker("run", "--rm", "fromoci:2", "cat", "/marker").out()).isEqualTo("oci\n");

    Path junk = work.resolve("junk.tar");
    Cmd mk = Cmd.run(Map.of(), null, List.of("tar", "-cf", junk.toString(), "-C", oci.dir().toString(), "oci-layout"));
    assertThat(mk.exit()).isZero();
    Cmd bad = docker("load", "-i", junk.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("invalid archive: does not contain a manifest.json");
  }

  @Test
  void commit_makesAnImageOfTheContainersChanges_pausingARunningOne() throws Exception {
    Cmd run = docker("run", "--name", "to-commit", "busybox", "sh", "-c", "echo made > /made && rm /bin/true");
    assertThat(run.exit()).as(run.err()).isZero();
    Cmd commit = docker("commit", "-m", "a message", "-a", "someone", "-c", "ENV FOO=bar", "-c", "CMD [\"cat\", \"/made\"]",
        "to-commit", "committed:1");
    assertThat(commit.exit()).as(commit.err()).isZero();
    assertThat(commit.out()).startsWith("sha256:");
    assertThat(docker("run", "--rm", "committed:1").out()).isEqualTo("made\n");
    assertThat(docker("run", "--rm", "committed:1", "sh", "-c", "echo $FOO; ls /bin/true || echo gone").out())
        .isEqualTo("bar\ngone\n");
    Cmd history = docker("history", "--format", "{{.CreatedBy}}|{{.Comment}}", "committed:1");
    assertThat(history.out()).startsWith("sh -c echo made > /made && rm /bin/true|a message\n");
    assertThat(docker("inspect", "-f", "{{.Author}}", "committed:1").out()).isEqualTo("someone\n");

    // the whiteout survives save and load, so the file stays gone on another engine
    Path tar = work.resolve("committed.tar");
    assertThat(docker("save", "-o", tar.toString(), "committed:1").exit()).isZero();
    docker("rm", "to-commit");
    docker("rmi", "committed:1");
    assertThat(docker("load", "-i", tar.toString()).exit()).isZero();
    assertThat(docker("run", "--rm", "committed:1", "sh", "-c", "ls /bin/true || echo gone").out()).isEqualTo("gone\n");

    Cmd running = docker("run", "-d", "--name", "live", "busybox", "sleep", "30");
    assertThat(running.exit()).as(running.err()).isZero();
    try {
      Cmd live = docker("commit", "live", "live:1");
      assertThat(live.exit()).as(live.err()).isZero();
      assertThat(docker("inspect", "-f", "{{.State.Status}}", "live").out()).isEqualTo("running\n");
      assertThat(docker("history", "-q", "live:1").exit()).isZero();
    } finally {
      docker("rm", "-f", "live");
    }
  }

  @Test
  void skopeo_readsAndWritesBerthd() throws Exception {
    String host = "--src-daemon-host=" + daemon.host();
    Cmd out = Cmd.run(Map.of(), null, List.of(TestRegistry.SKOPEO, "copy", "--quiet", host,
        "docker-daemon:busybox:latest", "oci:" + work.resolve("from-berth") + ":bb"));
    assertThat(out.exit()).as(out.err()).isZero();
    Cmd in = Cmd.run(Map.of(), null, List.of(TestRegistry.SKOPEO, "copy", "--quiet",
        "--dest-daemon-host=" + daemon.host(), "oci:" + work.resolve("from-berth") + ":bb",
        "docker-daemon:viaskopeo:1"));
    assertThat(in.exit()).as(in.err()).isZero();
    assertThat(docker("run", "--rm", "viaskopeo:1", "echo", "skopeo").out()).isEqualTo("skopeo\n");
  }
}
