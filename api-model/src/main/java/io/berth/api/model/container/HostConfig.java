package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/** {@code HostConfig}: how the container sits on this host. Echoed back in inspect. */
public record HostConfig(
    @JsonProperty("Binds") List<String> binds,
    @JsonProperty("ContainerIDFile") String containerIdFile,
    @JsonProperty("LogConfig") LogConfig logConfig,
    @JsonProperty("NetworkMode") String networkMode,
    @JsonProperty("PortBindings") Map<String, Object> portBindings,
    @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
    @JsonProperty("AutoRemove") boolean autoRemove,
    @JsonProperty("VolumeDriver") String volumeDriver,
    @JsonProperty("VolumesFrom") List<String> volumesFrom,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize,
    @JsonProperty("CapAdd") List<String> capAdd,
    @JsonProperty("CapDrop") List<String> capDrop,
    @JsonProperty("CgroupnsMode") String cgroupnsMode,
    @JsonProperty("Dns") List<String> dns,
    @JsonProperty("DnsOptions") List<String> dnsOptions,
    @JsonProperty("DnsSearch") List<String> dnsSearch,
    @JsonProperty("ExtraHosts") List<String> extraHosts,
    @JsonProperty("GroupAdd") List<String> groupAdd,
    @JsonProperty("IpcMode") String ipcMode,
    @JsonProperty("Cgroup") String cgroup,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("OomScoreAdj") int oomScoreAdj,
    @JsonProperty("PidMode") String pidMode,
    @JsonProperty("Privileged") boolean privileged,
    @JsonProperty("PublishAllPorts") boolean publishAllPorts,
    @JsonProperty("ReadonlyRootfs") boolean readonlyRootfs,
    @JsonProperty("SecurityOpt") List<String> securityOpt,
    @JsonProperty("Tmpfs") Map<String, String> tmpfs,
    @JsonProperty("UTSMode") String utsMode,
    @JsonProperty("UsernsMode") String usernsMode,
    @JsonProperty("ShmSize") long shmSize,
    @JsonProperty("Sysctls") Map<String, String> sysctls,
    @JsonProperty("Runtime") String runtime,
    @JsonProperty("Isolation") String isolation,
    // inlined on the wire, as Docker's HostConfig embeds its Resources
    @JsonUnwrapped Resources resources,
    @JsonProperty("Mounts") List<MountSpec> mounts,
    @JsonProperty("MaskedPaths") List<String> maskedPaths,
    @JsonProperty("ReadonlyPaths") List<String> readonlyPaths,
    @JsonProperty("Init") Boolean init) {

  public record LogConfig(
      @JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {}

  public record RestartPolicy(
      @JsonProperty("Name") String name,
      @JsonProperty("MaximumRetryCount") int maximumRetryCount) {}

  public record Ulimit(
      @JsonProperty("Name") String name,
      @JsonProperty("Soft") long soft,
      @JsonProperty("Hard") long hard) {}

  /** The same with the given log config and network mode: what the daemon stores or shows. */
  public HostConfig with(LogConfig log, String mode) {
    return new HostConfig(binds, containerIdFile, log, mode, portBindings, restartPolicy, autoRemove,
        volumeDriver, volumesFrom, consoleSize, capAdd, capDrop, cgroupnsMode, dns, dnsOptions, dnsSearch,
        extraHosts, groupAdd, ipcMode, cgroup, links, oomScoreAdj, pidMode, privileged, publishAllPorts,
        readonlyRootfs, securityOpt, tmpfs, utsMode, usernsMode, shmSize, sysctls, runtime, isolation,
        resources, mounts, maskedPaths, readonlyPaths, init);
  }

  /** The same with other legacy links (as dockerd stores them). */
  public HostConfig withLinks(List<String> l) {
    return new HostConfig(binds, containerIdFile, logConfig, networkMode, portBindings, restartPolicy, autoRemove,
        volumeDriver, volumesFrom, consoleSize, capAdd, capDrop, cgroupnsMode, dns, dnsOptions, dnsSearch,
        extraHosts, groupAdd, ipcMode, cgroup, l, oomScoreAdj, pidMode, privileged, publishAllPorts,
        readonlyRootfs, securityOpt, tmpfs, utsMode, usernsMode, shmSize, sysctls, runtime, isolation,
        resources, mounts, maskedPaths, readonlyPaths, init);
  }

  /** The same with other resources (what {@code update} changes). */
  public HostConfig withResources(Resources r) {
    return new HostConfig(binds, containerIdFile, logConfig, networkMode, portBindings, restartPolicy, autoRemove,
        volumeDriver, volumesFrom, consoleSize, capAdd, capDrop, cgroupnsMode, dns, dnsOptions, dnsSearch,
        extraHosts, groupAdd, ipcMode, cgroup, links, oomScoreAdj, pidMode, privileged, publishAllPorts,
        readonlyRootfs, securityOpt, tmpfs, utsMode, usernsMode, shmSize, sysctls, runtime, isolation,
        r, mounts, maskedPaths, readonlyPaths, init);
  }

  /** The same with another PID mode (dockerd stores {@code container:<id>} for a name given). */
  public HostConfig withPidMode(String mode) {
    return new HostConfig(binds, containerIdFile, logConfig, networkMode, portBindings, restartPolicy, autoRemove,
        volumeDriver, volumesFrom, consoleSize, capAdd, capDrop, cgroupnsMode, dns, dnsOptions, dnsSearch,
        extraHosts, groupAdd, ipcMode, cgroup, links, oomScoreAdj, mode, privileged, publishAllPorts,
        readonlyRootfs, securityOpt, tmpfs, utsMode, usernsMode, shmSize, sysctls, runtime, isolation,
        resources, mounts, maskedPaths, readonlyPaths, init);
  }

  /** The same with another restart policy ({@code docker update --restart}). */
  public HostConfig withRestartPolicy(RestartPolicy p) {
    return new HostConfig(binds, containerIdFile, logConfig, networkMode, portBindings, p, autoRemove,
        volumeDriver, volumesFrom, consoleSize, capAdd, capDrop, cgroupnsMode, dns, dnsOptions, dnsSearch,
        extraHosts, groupAdd, ipcMode, cgroup, links, oomScoreAdj, pidMode, privileged, publishAllPorts,
        readonlyRootfs, securityOpt, tmpfs, utsMode, usernsMode, shmSize, sysctls, runtime, isolation,
        resources, mounts, maskedPaths, readonlyPaths, init);
  }

  /** Its resources, none when a stored record or a request had none. */
  public Resources limits() {
    return resources == null ? Resources.NONE : resources;
  }

  /** The host config of a create request that carried none. */
  public static HostConfig empty() {
    return new HostConfig(
        null, "", null, "", null, null, false, "", null, null, null, null, "", null, null, null,
        null, null, "", "", null, 0, "", false, false, false, null, null, "", "", 0, null, "", "",
        Resources.NONE, null, null, null, null);
  }
}
