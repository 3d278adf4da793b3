package io.berth.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.container.HostConfig;
import io.berth.common.error.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcFilesTest {
  @TempDir Path dir;

  private static HostConfig extraHosts(String... hosts) {
    HostConfig e = HostConfig.empty();
    return new HostConfig(e.binds(), e.containerIdFile(), e.logConfig(), e.networkMode(), e.portBindings(),
        e.restartPolicy(), e.autoRemove(), e.volumeDriver(), e.volumesFrom(), e.consoleSize(), e.capAdd(),
        e.capDrop(), e.cgroupnsMode(), List.of("9.9.9.9"), e.dnsOptions(), e.dnsSearch(), List.of(hosts),
        e.groupAdd(), e.ipcMode(), e.cgroup(), e.links(), e.oomScoreAdj(), e.pidMode(), e.privileged(),
        e.publishAllPorts(), e.readonlyRootfs(), e.securityOpt(), e.tmpfs(), e.utsMode(), e.usernsMode(),
        e.shmSize(), e.sysctls(), e.runtime(), e.isolation(), e.resources(), e.mounts(), e.maskedPaths(), e.readonlyPaths(), e.init());
  }

  @Test
  void hosts_haveTheExtraHostsThenTheContainersOwnAddress() throws Exception {
    EtcFiles.writeHosts(dir, "web", "10.66.0.2", extraHosts("db:10.1.2.3", "gw:host-gateway", "v6:::1"), "10.66.0.1");

    assertThat(Files.readString(dir.resolve("hosts"))).endsWith(
        "ff02::2\tip6-allrouters\n10.1.2.3\tdb\n10.66.0.1\tgw\n::1\tv6\n10.66.0.2\tweb\n");
  }

  @Test
  void ownNames_areTheFullNameAndTheShortOne_asLibnetworkWritesThem() {
    assertThat(EtcFiles.ownNames("web", "")).isEqualTo("web");
    assertThat(EtcFiles.ownNames("web", "example.com")).isEqualTo("web.example.com web");
    assertThat(EtcFiles.ownNames("web.lan", null)).isEqualTo("web.lan web");
  }

  @Test
  void hostGateway_withoutABridge_isRefused() {
    assertThatThrownBy(() -> EtcFiles.writeHosts(dir, "web", null, extraHosts("gw:host-gateway"), null))
        .isInstanceOf(InvalidParameterException.class).hasMessage("unable to derive the IP value for host-gateway");
  }

  @Test
  void validate_usesDockersWords() {
    assertThatThrownBy(() -> EtcFiles.validate(extraHosts("nocolon")))
        .hasMessage("bad format for add-host: \"nocolon\"");
    assertThatThrownBy(() -> EtcFiles.validate(extraHosts("db:example.com")))
        .hasMessage("invalid IP address in add-host: \"example.com\"");
    EtcFiles.validate(extraHosts("db:10.1.2.3", "gw:host-gateway", "v6:fd00::1"));
    assertThat(EtcFiles.isIp("1.2.3")).isFalse();
    assertThat(EtcFiles.isIp("300.1.1.1")).isFalse();
    assertThat(EtcFiles.isIp("fd00::1")).isTrue();
  }
}
