package io.berth.api.server.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No field of a create request goes unclassified: a field added later must be put in the table. */
class CreateFieldsTest {
  /** Docker 28's Config fields (api/types/container/config.go). */
  private static final List<String> DOCKER_CONFIG = List.of("Hostname", "Domainname", "User",
      "AttachStdin", "AttachStdout", "AttachStderr", "ExposedPorts", "Tty", "OpenStdin", "StdinOnce",
      "Env", "Cmd", "Healthcheck", "ArgsEscaped", "Image", "Volumes", "WorkingDir", "Entrypoint",
      "NetworkDisabled", "MacAddress", "OnBuild", "Labels", "StopSignal", "StopTimeout", "Shell");
  /** Docker 28's HostConfig fields, its Resources included (api/types/container/hostconfig.go). */
  private static final List<String> DOCKER_HOST_CONFIG = List.of("Binds", "ContainerIDFile",
      "LogConfig", "NetworkMode", "PortBindings", "RestartPolicy", "AutoRemove", "VolumeDriver",
      "VolumesFrom", "ConsoleSize", "Annotations", "CapAdd", "CapDrop", "CgroupnsMode", "Dns",
      "DnsOptions", "DnsSearch", "ExtraHosts", "GroupAdd", "IpcMode", "Cgroup", "Links",
      "OomScoreAdj", "PidMode", "Privileged", "PublishAllPorts", "ReadonlyRootfs", "SecurityOpt",
      "StorageOpt", "Tmpfs", "UTSMode", "UsernsMode", "ShmSize", "Sysctls", "Runtime", "Isolation",
      "CpuShares", "Memory", "NanoCpus", "CgroupParent", "BlkioWeight", "BlkioWeightDevice",
      "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps",
      "CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime", "CpusetCpus",
      "CpusetMems", "Devices", "DeviceCgroupRules", "DeviceRequests", "KernelMemory",
      "KernelMemoryTCP", "MemoryReservation", "MemorySwap", "MemorySwappiness", "OomKillDisable",
      "PidsLimit", "Ulimits", "CpuCount", "CpuPercent", "IOMaximumIOps", "IOMaximumBandwidth",
      "Mounts", "MaskedPaths", "ReadonlyPaths", "Init");

  @Test
  void everyWireRecordComponent_isClassified() {
    List<String> missing = new ArrayList<>();
    missing.addAll(unclassified(ContainerConfig.class, CreateFields.CONFIG));
    missing.addAll(unclassified(HostConfig.class, CreateFields.HOST));
    assertThat(missing).as("fields of the wire records that CreateFields does not classify").isEmpty();
  }

  @Test
  void everyDockerField_isClassified() {
    for (String f : DOCKER_CONFIG) {
      assertThat(CreateFields.find(CreateFields.CONFIG, f)).as(f).isNotNull();
    }
    for (String f : DOCKER_HOST_CONFIG) {
      assertThat(CreateFields.find(CreateFields.HOST, f)).as("HostConfig." + f).isNotNull();
    }
    assertThat(CreateFields.all()).hasSize(DOCKER_CONFIG.size() + DOCKER_HOST_CONFIG.size() + 1);
  }

  @Test
  void everyRefusedField_namesAnOption() {
    for (var f : CreateFields.all()) {
      if (!f.enforced()) {
        assertThat(f.option()).as(f.path()).isNotBlank();
        assertThat(f.accepted().test(null)).as(f.path() + " accepts absence").isTrue();
      }
    }
  }

  private static List<String> unclassified(Class<? extends Record> type, String section) {
    List<String> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class)) {
        @SuppressWarnings("unchecked")
        Class<? extends Record> inlined = (Class<? extends Record>) c.getType();
        out.addAll(unclassified(inlined, section));
        continue;
      }
      String name = c.getAccessor().getAnnotation(JsonProperty.class).value();
      if (CreateFields.find(section, name) == null) {
        out.add(section + "." + name);
      }
    }
    return out;
  }
}
