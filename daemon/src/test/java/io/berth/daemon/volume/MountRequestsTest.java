package io.berth.daemon.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.container.MountSpec;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.SystemException;
import io.berth.daemon.container.MountPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountRequestsTest {
  private final MountRequests requests = new MountRequests(Path.of("/var/lib/berth"));

  private MountPoint bind(String raw) {
    return requests.plan(List.of(), List.of(raw), null, null, null, "").getFirst().point();
  }

  private static String message(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return "no error";
  }

  @Test
  void binds_volumesAndHostPaths_asDockersParserReadsThem() {
    assertThat(bind("data:/d")).isEqualTo(new MountPoint("volume", "data", "", "/d", "local", "z", true, "", false,
        false, false, ""));
    assertThat(bind("/h/../h:/c/:ro,Z,rshared")).isEqualTo(new MountPoint("bind", "", "/h", "/c", "", "ro,Z,rshared",
        false, "rshared", false, true, false, ""));
    assertThat(bind("/h:/c").propagation()).isEqualTo("rprivate");
    assertThat(bind("/anon").anonymous()).isTrue();
    // the daemon's root, or a path above it, propagates mounts into the container
    assertThat(bind("/:/host").propagation()).isEqualTo("rslave");
    assertThat(bind("/var/lib/berth/x:/x").propagation()).isEqualTo("rslave");
  }

  @Test
  void badBinds_fail_inDockersWords() {
    assertThat(message(() -> bind("/a:/b:foo"))).isEqualTo("SystemException: invalid mode: foo");
    assertThat(message(() -> bind("/a:/b:ro,rw"))).isEqualTo("SystemException: invalid mode: ro,rw");
    assertThat(message(() -> bind("/data:ro"))).isEqualTo("SystemException: invalid volume specification: '/data:ro'");
    assertThat(message(() -> bind(":/b"))).isEqualTo("SystemException: invalid volume specification: ':/b'");
    assertThat(message(() -> bind("a:b:c:d"))).isEqualTo("SystemException: invalid volume specification: 'a:b:c:d'");
    assertThat(message(() -> bind("/h:/"))).isEqualTo("SystemException: invalid volume specification: '/h:/': "
        + "invalid mount config for type \"bind\": invalid specification: destination can't be '/'");
    assertThat(message(() -> bind("vol:rel"))).isEqualTo("SystemException: invalid volume specification: 'vol:rel': "
        + "invalid mount config for type \"volume\": invalid mount path: 'rel' mount path must be absolute");
    assertThat(message(() -> bind("/h:/c:nocopy"))).endsWith("invalid mount config for type \"bind\": "
        + "field VolumeOptions must not be specified");
    assertThat(message(() -> bind("v:/c:rshared"))).endsWith("invalid mount config for type \"volume\": "
        + "field BindOptions must not be specified");
    assertThat(message(() -> bind("/:/host:rprivate"))).startsWith("InvalidParameterException: invalid mount config: "
        + "must use either propagation mode \"rslave\" or \"rshared\" when mount source is within the daemon root");
  }

  @Test
  void duplicates_areRefused_andConfigVolumesGiveWayToOtherMounts() {
    assertThatThrownBy(() -> requests.plan(List.of(), List.of("a:/x", "/h:/x"), null, null, null, ""))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Duplicate mount point: /x");
    assertThatThrownBy(() -> requests.plan(List.of(), List.of("a:/x"), null, Map.of("/x", ""), null, ""))
        .hasMessage("Duplicate mount point: /x");
    var plan = requests.plan(List.of(), List.of("named:/data"), null, Map.of("/t", ""),
        Map.of("/data", Map.of(), "/t", Map.of(), "/other/", Map.of()), "");
    assertThat(plan).extracting(p -> p.point().destination() + " " + p.point().name() + " " + p.fromConfig())
        .containsExactlyInAnyOrder("/data named false", "/other  true");
  }

  @Test
  void mounts_checkedAsDockerChecksThem() {
    var tmpfs = new MountSpec("tmpfs", null, "/t", null, null, null, null, null,
        new MountSpec.TmpfsOptions(64L << 20, 01770, List.of(List.of("exec"))));
    assertThat(requests.plan(List.of(), null, List.of(tmpfs), null, null, "").getFirst().point().tmpfsData())
        .isEqualTo("mode=1770,size=64m,exec");
    assertThat(message(() -> requests.plan(List.of(), null, List.of(new MountSpec("bind", "/nonexistent-x", "/t",
        null, null, null, null, null, null)), null, null, "")))
        .isEqualTo("InvalidParameterException: invalid mount config for type \"bind\": bind source path does not exist:"
            + " /nonexistent-x");
    assertThat(message(() -> requests.plan(List.of(), null, List.of(new MountSpec("volume", "", "/t", true,
        null, null, null, null, null)), null, null, "")))
        .isEqualTo("InvalidParameterException: invalid mount config for type \"volume\": must not set ReadOnly mode"
            + " when using anonymous volumes");
    assertThat(message(() -> requests.plan(List.of(), null, List.of(new MountSpec("npipe", "x", "/t",
        null, null, null, null, null, null)), null, null, "")))
        .isEqualTo("InvalidParameterException: invalid mount config for type \"npipe\": mount type unknown");
    assertThat(message(() -> requests.plan(List.of(), null, List.of(new MountSpec("bind", "/tmp", "/t", null, null,
        null, new MountSpec.VolumeOptions(true, null, null, null), null, null)), null, null, "")))
        .isEqualTo("InvalidParameterException: VolumeOptions must not be specified on mount type \"bind\"");
  }

  @Test
  void anonymousVolumesOfTheConfig_takeTheContainersDriver_whichOnlyLocalCanBe() {
    assertThatThrownBy(() -> requests.plan(List.of(), null, null, null, Map.of("/data", Map.of()), "foo"))
        .hasMessage("error looking up volume plugin foo: plugin \"foo\" not found");
    assertThat(requests.plan(List.of(), null, null, null, Map.of("/data", Map.of()), "local")).hasSize(1);
  }

  @Test
  void volumesFrom_modes() {
    assertThat(MountRequests.volumesFrom("c:ro")).isEqualTo(new MountRequests.From("c", true));
    assertThat(MountRequests.volumesFrom("c")).isEqualTo(new MountRequests.From("c", false));
    assertThatThrownBy(() -> MountRequests.volumesFrom("c:rshared")).hasMessage("invalid mode: rshared");
    assertThatThrownBy(() -> MountRequests.volumesFrom("")).hasMessage("volumes-from specification cannot be an empty string");
  }

  @Test
  void tmpfsOptions_overrideDefaults_andUnknownDataIsRefused() {
    assertThat(TmpfsFlags.merge("")).containsExactly("noexec", "nosuid", "nodev", "rprivate");
    assertThat(TmpfsFlags.merge("rw,size=64m,exec")).containsExactly("nosuid", "nodev", "rprivate", "rw",
        "size=64m", "exec");
    assertThatThrownBy(() -> TmpfsFlags.merge("foo=bar")).isInstanceOf(SystemException.class)
        .hasMessage("invalid tmpfs option [\"foo\" \"bar\"]");
  }
}
