package io.berth.daemon.lifecycle;

import static io.berth.daemon.Configs.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.container.ContainerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreatorMergeTest {
  private static final ImageAccess.ResolvedImage IMAGE = new ImageAccess.ResolvedImage(
      "sha256:" + "1".repeat(64),
      List.of("PATH=/opt/bin:/bin", "LANG=C.UTF-8", "MODE=image"),
      List.of("serve", "--port", "80"),
      List.of("/entry.sh"),
      "/srv",
      "app",
      Map.of("maintainer", "image", "tier", "image"),
      Map.of("80/tcp", Map.of()),
      Map.of("/data", Map.of()),
      "SIGQUIT", null);

  private static final ImageAccess.ResolvedImage BARE = new ImageAccess.ResolvedImage(
      "sha256:" + "2".repeat(64), null, List.of("sh"), null, null, null, null, null, null, null, null);

  private static ContainerConfig plain() {
    return config("app:1", null, null, null, null, null, null);
  }

  @Test
  void merge_envFromBoth_containerWinsByKey() {
    ContainerConfig c = config("app:1", List.of("MODE=container", "EXTRA=1"), null, null, null, null, null);

    ContainerConfig m = Creator.merge(c, IMAGE);

    assertThat(m.env()).containsExactlyInAnyOrder(
        "PATH=/opt/bin:/bin", "LANG=C.UTF-8", "MODE=container", "EXTRA=1");
  }

  @Test
  void merge_noPathAnywhere_addsDefaultPath() {
    ContainerConfig m = Creator.merge(config("busybox", List.of("A=b"), null, null, null, null, null), BARE);

    assertThat(m.env()).containsExactlyInAnyOrder("A=b", Creator.DEFAULT_PATH);
  }

  @Test
  void merge_imagePath_isKept() {
    ContainerConfig m = Creator.merge(plain(), IMAGE);

    assertThat(m.env()).contains("PATH=/opt/bin:/bin").doesNotContain(Creator.DEFAULT_PATH);
  }

  @Test
  void merge_nothingOverridden_takesImageEntrypointAndCmd() {
    ContainerConfig m = Creator.merge(plain(), IMAGE);

    assertThat(m.entrypoint()).containsExactly("/entry.sh");
    assertThat(m.cmd()).containsExactly("serve", "--port", "80");
  }

  @Test
  void merge_cmdOverride_keepsImageEntrypoint() {
    ContainerConfig m = Creator.merge(config("app:1", null, List.of("debug"), null, null, null, null), IMAGE);

    assertThat(m.entrypoint()).containsExactly("/entry.sh");
    assertThat(m.cmd()).containsExactly("debug");
  }

  @Test
  void merge_entrypointOverride_clearsImageCmd() {
    ContainerConfig m = Creator.merge(
        config("app:1", null, null, List.of("/bin/other"), null, null, null), IMAGE);

    assertThat(m.entrypoint()).containsExactly("/bin/other");
    assertThat(m.cmd()).isNull();
  }

  @Test
  void merge_entrypointAndCmdOverride_keepsBoth() {
    ContainerConfig m = Creator.merge(
        config("app:1", null, List.of("x"), List.of("/bin/other"), null, null, null), IMAGE);

    assertThat(m.entrypoint()).containsExactly("/bin/other");
    assertThat(m.cmd()).containsExactly("x");
  }

  @Test
  void merge_emptyStringEntrypoint_clearsEntrypointAndImageCmd() {
    // docker run --entrypoint "" sends [""]
    ContainerConfig m = Creator.merge(config("app:1", null, null, List.of(""), null, null, null), IMAGE);

    assertThat(m.entrypoint()).isNull();
    assertThat(m.cmd()).isNull();
  }

  @Test
  void merge_emptyStringEntrypointWithCmd_runsOnlyTheCmd() {
    ContainerConfig m = Creator.merge(
        config("app:1", null, List.of("echo", "hi"), List.of(""), null, null, null), IMAGE);

    assertThat(m.entrypoint()).isNull();
    assertThat(m.cmd()).containsExactly("echo", "hi");
  }

  @Test
  void merge_noUserOrWorkdir_fallsBackToImage() {
    ContainerConfig m = Creator.merge(config("app:1", null, null, null, "", "", null), IMAGE);

    assertThat(m.user()).isEqualTo("app");
    assertThat(m.workingDir()).isEqualTo("/srv");
  }

  @Test
  void merge_userAndWorkdirGiven_winOverImage() {
    ContainerConfig m = Creator.merge(config("app:1", null, null, null, "0:0", "/tmp", null), IMAGE);

    assertThat(m.user()).isEqualTo("0:0");
    assertThat(m.workingDir()).isEqualTo("/tmp");
  }

  @Test
  void merge_neitherHasUserOrWorkdir_isEmptyNotNull() {
    ContainerConfig m = Creator.merge(plain(), BARE);

    assertThat(m.user()).isEmpty();
    assertThat(m.workingDir()).isEmpty();
    assertThat(m.domainname()).isEmpty();
  }

  @Test
  void merge_labels_areMergedContainerWinning() {
    ContainerConfig c = config("app:1", null, null, null, null, null, Map.of("tier", "web", "own", "1"));

    ContainerConfig m = Creator.merge(c, IMAGE);

    assertThat(m.labels()).containsExactlyInAnyOrderEntriesOf(
        Map.of("maintainer", "image", "tier", "web", "own", "1"));
  }

  @Test
  void merge_imageOnlyFields_areInherited() {
    ContainerConfig m = Creator.merge(plain(), IMAGE);

    assertThat(m.exposedPorts()).containsOnlyKeys("80/tcp");
    assertThat(m.volumes()).containsOnlyKeys("/data");
    assertThat(m.stopSignal()).isEqualTo("SIGQUIT");
    assertThat(m.image()).isEqualTo("app:1");
  }

  @Test
  void merge_emptyListEntrypoint_keepsImageCmd() {
    var m = Creator.merge(config("img", null, null, List.of(), "", "", null), IMAGE);
    assertThat(m.entrypoint()).isNull();
    assertThat(m.cmd()).isEqualTo(IMAGE.cmd());
  }
}
