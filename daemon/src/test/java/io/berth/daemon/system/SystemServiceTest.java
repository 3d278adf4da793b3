package io.berth.daemon.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.system.DiskUsage;
import io.berth.api.model.system.Info;
import io.berth.api.model.system.Version;
import io.berth.daemon.container.ContainerStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemServiceTest {
  @TempDir Path root;

  private SystemService service() {
    return new SystemService(new ContainerStore(root.resolve("containers")), () -> 3, root,
        () -> "1.2.5", "ENGINEID", new SystemService.DiskUsageSources(
            () -> List.of(), () -> 7, () -> { throw new AssertionError("containers not asked for"); }, List::of),
        new Info.RegistryConfig(List.of("::1/128", "127.0.0.0/8"), java.util.Map.of(), List.of()));
  }

  @Test
  void version_namesNewestApiAndLeavesEmptyBuildTimeOut() {
    Version v = service().version();

    assertThat(v.apiVersion()).isEqualTo("1.51");
    assertThat(v.minApiVersion()).isEqualTo("1.12");
    assertThat(v.buildTime()).isNull();
    assertThat(v.components().getFirst().details())
        .containsEntry("ApiVersion", "1.51").containsEntry("Experimental", "false");
  }

  @Test
  void info_carriesTheFieldsOlderVersionsShowToo() {
    Info i = service().info();

    assertThat(i.images()).isEqualTo(3);
    assertThat(i.runtimes()).containsOnlyKeys("runc");
    assertThat(i.runtimes().get("runc").path()).isEqualTo("runc");
    assertThat(i.registryConfig().insecureRegistryCidrs()).containsExactly("::1/128", "127.0.0.0/8");
    assertThat(i.registryConfig().allowNondistributableArtifactsCidrs()).isNull();
    // dockerd's words when it cannot tell a commit; Expected repeats it for pre-1.49 clients
    assertThat(i.runcCommit().id()).isEqualTo("N/A");
    assertThat(i.containerdCommit().expected()).isEqualTo("N/A");
    assertThat(i.bridgeNfIptables()).isFalse();
    assertThat(i.securityOptions()).containsExactly("name=cgroupns");
  }

  @Test
  void diskUsage_measuresOnlyTheKindsAsked_volumesAndBuildCacheEmpty() {
    DiskUsage du = service().diskUsage(new DiskUsage.Kinds(false, true, true, true));

    assertThat(du.layersSize()).isEqualTo(7);
    assertThat(du.images()).isEmpty();
    assertThat(du.containers()).isNull();
    assertThat(du.volumes()).isEmpty();
    assertThat(du.buildCache()).isEmpty();
  }
}
