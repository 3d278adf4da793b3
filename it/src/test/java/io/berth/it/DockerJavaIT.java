package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docker-java (as Testcontainers uses it) against a real berthd. */
@Tag("privileged")
class DockerJavaIT extends SharedDaemon {
  static DockerClient client;

  @BeforeAll
  static void busyboxAndClient() throws Exception {
    daemon.bootstrapBusybox();
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(daemon.host()).build();
    var http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build();
    client = DockerClientImpl.getInstance(config, http);
  }

  @AfterAll
  static void closeClient() throws Exception {
    if (client != null) {
      client.close();
    }
  }

  /**
   * What Testcontainers does with a container's port: exposed, bound to a random host port, read
   * back from inspect and reached on localhost; and a network of its own, joined by an alias.
   */
  @Test
  void exposedPortAndNetwork_asTestcontainersUsesThem() throws Exception {
    var port = com.github.dockerjava.api.model.ExposedPort.tcp(80);
    var ports = new com.github.dockerjava.api.model.Ports();
    ports.bind(port, com.github.dockerjava.api.model.Ports.Binding.empty());
    String net = client.createNetworkCmd().withName("tcnet").withCheckDuplicate(true).exec().getId();
    String id = client.createContainerCmd("busybox").withCmd("httpd", "-f", "-p", "80", "-h", "/etc")
        .withExposedPorts(port).withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
            .withPortBindings(ports).withNetworkMode("tcnet")).withAliases("tc-web").exec().getId();
    try {
      client.startContainerCmd(id).exec();
      var bindings = client.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings().get(port);
      int hostPort = Integer.parseInt(bindings[0].getHostPortSpec());
      var http = java.net.http.HttpClient.newHttpClient();
      String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + hostPort
          + "/hostname")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      assertThat(body.strip()).isEqualTo(id.substring(0, 12));
      assertThat(client.inspectContainerCmd(id).exec().getNetworkSettings().getNetworks().get("tcnet").getAliases())
          .contains("tc-web");
      assertThat(client.inspectNetworkCmd().withNetworkId(net).exec().getContainers()).containsKey(id);
    } finally {
      client.removeContainerCmd(id).withForce(true).exec();
      client.removeNetworkCmd(net).exec();
    }
  }

  @Test
  void pullAndPush_withCredentials_asTestcontainersDoes() throws Exception {
    Prerequisites.requireRegistry();
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("/tmp"), "berth-dj");
    try (TestRegistry locked = TestRegistry.start("carol", "pw")) {
      OciLayout oci = new OciLayout(dir.resolve("layout"));
      var img = oci.image("amd64", java.util.List.of(oci.layer(OciLayout.busybox()),
          oci.layer(java.util.List.of(OciLayout.Entry.file("dj", "docker-java\n")))), java.util.List.of("sh"));
      oci.tag(img, "dj");
      locked.push(oci.dir(), "dj", "tc/dj:1", "carol", "pw");
      var auth = new com.github.dockerjava.api.model.AuthConfig().withUsername("carol").withPassword("pw")
          .withRegistryAddress(locked.host());
      client.pullImageCmd(locked.host() + "/tc/dj").withTag("1").withAuthConfig(auth)
          .start().awaitCompletion(60, TimeUnit.SECONDS);
      var inspect = client.inspectImageCmd(locked.host() + "/tc/dj:1").exec();
      assertThat(inspect.getRepoDigests()).containsExactly(locked.host() + "/tc/dj@" + img.get("digest"));

      client.tagImageCmd(locked.host() + "/tc/dj:1", locked.host() + "/tc/again", "2").exec();
      client.pushImageCmd(locked.host() + "/tc/again").withTag("2").withAuthConfig(auth)
          .start().awaitCompletion(60, TimeUnit.SECONDS);
      // the same image now has a digest in each repository
      assertThat(client.inspectImageCmd(locked.host() + "/tc/again:2").exec().getRepoDigests())
          .hasSize(2).anyMatch(d -> d.startsWith(locked.host() + "/tc/again@sha256:"));
    } finally {
      io.berth.common.io.MoreFiles.deleteRecursively(dir);
    }
  }

  @Test
  void pingAndVersion_answer() {
    client.pingCmd().exec();
    assertThat(client.versionCmd().exec().getApiVersion()).isEqualTo("1.51");
    assertThat(client.infoCmd().exec().getOsType()).isEqualTo("linux");
  }

  @Test
  void container_createStartWaitLogsRemove() throws Exception {
    String id = client.createContainerCmd("busybox")
        .withCmd("sh", "-c", "echo from docker-java; exit 4").exec().getId();
    client.startContainerCmd(id).exec();
    int code = client.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
    assertThat(code).isEqualTo(4);
    var out = new StringBuilder();
    client.logContainerCmd(id).withStdOut(true).withStdErr(true)
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame f) {
            out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
          }
        }).awaitCompletion(30, TimeUnit.SECONDS);
    assertThat(out.toString()).isEqualTo("from docker-java\n");
    assertThat(client.inspectContainerCmd(id).exec().getState().getExitCodeLong()).isEqualTo(4L);
    client.removeContainerCmd(id).exec();
    assertThatThrownBy(() -> client.inspectContainerCmd(id).exec()).isInstanceOf(NotFoundException.class);
  }

  /**
   * What Testcontainers does with the file system: a bind of a host directory (withFileSystemBind),
   * a named volume made by the client, a tmpfs (withTmpFs), and the container's Mounts read back.
   */
  @Test
  void bindsVolumesAndTmpfs_asTestcontainersUsesThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path host)
      throws Exception {
    java.nio.file.Files.writeString(host.resolve("in"), "from host\n");
    var volume = client.createVolumeCmd().withName("djvol").withLabels(java.util.Map.of("by", "docker-java")).exec();
    assertThat(volume.getMountpoint()).isEqualTo(daemon.dataRoot().resolve("volumes/djvol/_data").toString());
    var binds = java.util.List.of(
        new com.github.dockerjava.api.model.Bind(host.toString(), new com.github.dockerjava.api.model.Volume("/host")),
        new com.github.dockerjava.api.model.Bind("djvol", new com.github.dockerjava.api.model.Volume("/data"),
            com.github.dockerjava.api.model.AccessMode.rw));
    String id = client.createContainerCmd("busybox")
        .withCmd("sh", "-c", "cat /host/in; echo out > /host/out; echo kept > /data/f; grep -c ' /scratch ' /proc/mounts")
        .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withBinds(binds)
            .withTmpFs(java.util.Map.of("/scratch", "rw,size=1m")))
        .exec().getId();
    try {
      client.startContainerCmd(id).exec();
      assertThat(client.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS)).isZero();
      assertThat(host.resolve("out")).hasContent("out");
      assertThat(daemon.dataRoot().resolve("volumes/djvol/_data/f")).hasContent("kept");
      var mounts = client.inspectContainerCmd(id).exec().getMounts();
      assertThat(mounts).extracting(m -> m.getDestination().getPath() + " " + m.getName() + " " + m.getRW())
          .containsExactlyInAnyOrder("/host null true", "/data djvol true");
      assertThat(client.listVolumesCmd().withFilter("name", java.util.List.of("djvol")).exec().getVolumes())
          .extracting(v -> v.getName() + " " + v.getDriver()).containsExactly("djvol local");
    } finally {
      client.removeContainerCmd(id).withRemoveVolumes(true).exec();
    }
    client.removeVolumeCmd("djvol").exec();
    assertThatThrownBy(() -> client.inspectVolumeCmd("djvol").exec()).isInstanceOf(NotFoundException.class);
  }

  /** Testcontainers' copyFileToContainer and copyFileFromContainer: a tar put at a path and read back. */
  @Test
  void copyArchive_toAndFromAContainer_asTestcontainersDoes() throws Exception {
    String id = client.createContainerCmd("busybox").withCmd("sleep", "300").exec().getId();
    try {
      var bytes = new java.io.ByteArrayOutputStream();
      try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
        byte[] content = "from docker-java\n".getBytes(StandardCharsets.UTF_8);
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("app/config.txt");
        e.setSize(content.length);
        e.setMode(0640);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
      client.copyArchiveToContainerCmd(id).withRemotePath("/tmp")
          .withTarInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())).exec();
      client.startContainerCmd(id).exec();
      try (var in = client.copyArchiveFromContainerCmd(id, "/tmp/app/config.txt").exec();
          var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in)) {
        var e = tar.getNextEntry();
        assertThat(e.getName()).isEqualTo("config.txt");
        assertThat(e.getMode() & 07777).isEqualTo(0640);
        assertThat(new String(tar.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("from docker-java\n");
      }
      assertThatThrownBy(() -> client.copyArchiveFromContainerCmd(id, "/nope").exec().close())
          .isInstanceOf(NotFoundException.class);
    } finally {
      client.removeContainerCmd(id).withForce(true).exec();
    }
  }

  /** Testcontainers' execInContainer: exec create, start with a callback, inspect for the exit code. */
  @Test
  void exec_asTestcontainersExecInContainer() throws Exception {
    String id = client.createContainerCmd("busybox").withCmd("sleep", "300").exec().getId();
    try {
      client.startContainerCmd(id).exec();
      String exec = client.execCreateCmd(id).withAttachStdout(true).withAttachStderr(true)
          .withCmd("sh", "-c", "echo to-out; echo to-err >&2; exit 2").exec().getId();
      var out = new StringBuilder();
      var err = new StringBuilder();
      client.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
        @Override
        public void onNext(Frame f) {
          (f.getStreamType() == com.github.dockerjava.api.model.StreamType.STDERR ? err : out)
              .append(new String(f.getPayload(), StandardCharsets.UTF_8));
        }
      }).awaitCompletion(30, TimeUnit.SECONDS);
      assertThat(out.toString()).isEqualTo("to-out\n");
      assertThat(err.toString()).isEqualTo("to-err\n");
      var inspect = client.inspectExecCmd(exec).exec();
      assertThat(inspect.getExitCodeLong()).isEqualTo(2L);
      assertThat(inspect.isRunning()).isFalse();
    } finally {
      client.removeContainerCmd(id).withForce(true).exec();
    }
  }

  @Test
  void images_listAndInspect() {
    assertThat(client.listImagesCmd().exec())
        .anySatisfy(i -> assertThat(i.getRepoTags()).contains("busybox:latest"));
    assertThat(client.inspectImageCmd("busybox").exec().getId()).startsWith("sha256:");
    assertThatThrownBy(() -> client.inspectImageCmd("nosuch:1").exec()).isInstanceOf(NotFoundException.class);
  }
}
