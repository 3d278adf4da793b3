package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.http.client.ClientResponse;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Protocol details and bad input, straight over the socket. */
@Tag("privileged")
class ApiIT extends SharedDaemon {
  static ClientResponse call(String method, String path, byte[] body) throws Exception {
    return daemon.client().request(method, path,
        body == null ? Map.of() : Map.of("Content-Type", "application/json"), body);
  }

  @Test
  void versions_acceptedRangeAndDockersMessages() throws Exception {
    try (var r = call("GET", "/v1.12/version", null)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Api-Version")).isEqualTo("1.51");
    }
    try (var r = call("GET", "/v1.22/containers/json", null)) {
      assertThat(r.status()).isEqualTo(200);
    }
    try (var r = call("GET", "/v1.52/version", null)) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).contains("client version 1.52 is too new. Maximum supported API version is 1.51");
    }
    try (var r = call("HEAD", "/_ping", null)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Ostype")).isEqualTo("linux");
    }
  }

  @Test
  void dataRoot_closedToOtherHostUsers() throws Exception {
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(daemon.dataRoot()))).isEqualTo("rwx--x---");
    for (String dir : java.util.List.of("image", "containers")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(daemon.dataRoot().resolve(dir)))).isEqualTo("rwx------");
    }
  }

  @Test
  void malformedJson_is400() throws Exception {
    try (var r = call("POST", "/containers/create", "{not json".getBytes())) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).contains("\"message\"");
    }
  }

  @Test
  void inspectMisses_are404() throws Exception {
    try (var r = call("GET", "/containers/nosuch/json", null)) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.text()).contains("No such container: nosuch");
    }
    try (var r = call("GET", "/images/nosuch/json", null)) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.text()).contains("No such image: nosuch");
    }
  }

  @Test
  void import_escapingTarballs_areRefusedAndWriteNothingOutside() throws Exception {
    Path outside = Path.of("/tmp/berth-escape-probe");
    Files.deleteIfExists(outside);
    byte[][] evil = {
      tar(t -> file(t, "../../../../tmp/berth-escape-probe", "x")),
      tar(t -> { symlink(t, "evil", "/tmp"); file(t, "evil/berth-escape-probe", "x"); }),
      tar(t -> hardlink(t, "link", "/etc/passwd")),
    };
    for (byte[] tar : evil) {
      try (var r = daemon.client().request("POST", "/images/create?fromSrc=-&repo=evil&tag=1",
          Map.of("Content-Type", "application/x-tar"), tar)) {
        String body = r.text();
        assertThat(r.status() != 200 || body.contains("\"error\"")).as(body).isTrue();
      }
    }
    assertThat(outside).doesNotExist();
    try (var r = call("GET", "/images/evil:1/json", null)) {
      assertThat(r.status()).isEqualTo(404);
    }
  }

  @Test
  void import_deviceNodesAndFifos_areKeptAndInert() throws Exception {
    byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
    byte[] tar = tar(t -> {
      var bin = new TarArchiveEntry("bin/busybox", true);
      bin.setMode(0755);
      bin.setSize(busybox.length);
      t.putArchiveEntry(bin);
      t.write(busybox);
      t.closeArchiveEntry();
      device(t, "devs/sda");
      var fifo = new TarArchiveEntry("devs/pipe", TarArchiveEntry.LF_FIFO, true);
      t.putArchiveEntry(fifo);
      t.closeArchiveEntry();
    });
    try (var r = daemon.client().request("POST", "/images/create?fromSrc=-&repo=devices&tag=1",
        Map.of("Content-Type", "application/x-tar"), tar)) {
      String body = r.text();
      assertThat(r.status()).as(body).isEqualTo(200);
      assertThat(body).doesNotContain("\"error\"");
    }
    Cmd run = Cmd.run(daemon.dockerEnv(), null, java.util.List.of(Prerequisites.DOCKER, "run", "--rm",
        "devices:1", "/bin/busybox", "sh", "-c",
        "/bin/busybox stat -c '%F %t:%T' /devs/sda /devs/pipe; /bin/busybox head -c 1 /devs/sda"));
    assertThat(run.out()).contains("block special file 8:0").contains("fifo");
    // the device cgroup refuses what the image brought
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("Operation not permitted");
  }

  interface TarBody {
    void write(TarArchiveOutputStream t) throws Exception;
  }

  static byte[] tar(TarBody body) throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var t = new TarArchiveOutputStream(bytes)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      body.write(t);
    }
    return bytes.toByteArray();
  }

  static void file(TarArchiveOutputStream t, String name, String content) throws Exception {
    var e = new TarArchiveEntry(name, true);
    e.setSize(content.length());
    t.putArchiveEntry(e);
    t.write(content.getBytes());
    t.closeArchiveEntry();
  }

  static void symlink(TarArchiveOutputStream t, String name, String target) throws Exception {
    var e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
    e.setLinkName(target);
    t.putArchiveEntry(e);
    t.closeArchiveEntry();
  }

  static void hardlink(TarArchiveOutputStream t, String name, String target) throws Exception {
    var e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
    e.setLinkName(target);
    t.putArchiveEntry(e);
    t.closeArchiveEntry();
  }

  static void device(TarArchiveOutputStream t, String name) throws Exception {
    var e = new TarArchiveEntry(name, TarArchiveEntry.LF_BLK, true);
    e.setDevMajor(8);
    e.setDevMinor(0);
    t.putArchiveEntry(e);
    t.closeArchiveEntry();
  }
}
