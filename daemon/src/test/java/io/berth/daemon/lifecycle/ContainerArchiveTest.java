package io.berth.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerArchiveTest {
  @Test
  void base_asGosFilepathBase() {
    assertThat(ContainerArchive.base("/")).isEqualTo("/");
    assertThat(ContainerArchive.base("/etc/hosts")).isEqualTo("hosts");
    assertThat(ContainerArchive.base("/etc/")).isEqualTo("etc");
    assertThat(ContainerArchive.base("/etc/.")).isEqualTo(".");
    assertThat(ContainerArchive.base("")).isEqualTo(".");
  }

  @Test
  void preserveTrailing_keepsWhatTheClientAskedFor() {
    assertThat(ContainerArchive.preserveTrailing(io.berth.daemon.volume.MountRequests.clean("/a/."), "a/.")).isEqualTo("/a/.");
    assertThat(ContainerArchive.preserveTrailing(io.berth.daemon.volume.MountRequests.clean("/."), ".")).isEqualTo("/.");
    assertThat(ContainerArchive.preserveTrailing(io.berth.daemon.volume.MountRequests.clean("/a/"), "a/")).isEqualTo("/a/");
    assertThat(ContainerArchive.preserveTrailing(io.berth.daemon.volume.MountRequests.clean("/a/../b"), "/a/../b")).isEqualTo("/b");
  }
}
