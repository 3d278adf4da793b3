package io.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.AddedIn;
import io.berth.api.model.ApiVersion;
import io.berth.api.model.ForVersion;
import io.berth.api.model.RemovedIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code GET /info}: the fields clients read, with every field any API version shows. */
public record Info(
    @JsonProperty("ID") String id,
    @JsonProperty("Containers") int containers,
    @JsonProperty("ContainersRunning") int containersRunning,
    @JsonProperty("ContainersPaused") int containersPaused,
    @JsonProperty("ContainersStopped") int containersStopped,
    @JsonProperty("Images") int images,
    @JsonProperty("Driver") String driver,
    @JsonProperty("DriverStatus") List<List<String>> driverStatus,
    @JsonProperty("Plugins") Map<String, List<String>> plugins,
    @JsonProperty("MemoryLimit") boolean memoryLimit,
    @JsonProperty("SwapLimit") boolean swapLimit,
    @JsonProperty("CpuCfsPeriod") boolean cpuCfsPeriod,
    @JsonProperty("CpuCfsQuota") boolean cpuCfsQuota,
    @JsonProperty("CPUShares") boolean cpuShares,
    @JsonProperty("CPUSet") boolean cpuSet,
    @JsonProperty("PidsLimit") boolean pidsLimit,
    @JsonProperty("IPv4Forwarding") boolean ipv4Forwarding,
    @JsonProperty("Debug") boolean debug,
    @JsonProperty("NFd") int nfd,
    @JsonProperty("NGoroutines") int nGoroutines,
    @JsonProperty("SystemTime") String systemTime,
    @JsonProperty("LoggingDriver") String loggingDriver,
    @JsonProperty("CgroupDriver") String cgroupDriver,
    @JsonProperty("CgroupVersion") String cgroupVersion,
    @JsonProperty("NEventsListener") int nEventsListener,
    @JsonProperty("KernelVersion") String kernelVersion,
    @JsonProperty("OperatingSystem") String operatingSystem,
    @JsonProperty("OSVersion") String osVersion,
    @JsonProperty("OSType") String osType,
    @JsonProperty("Architecture") String architecture,
    @JsonProperty("IndexServerAddress") String indexServerAddress,
    @JsonProperty("RegistryConfig") RegistryConfig registryConfig,
    @JsonProperty("NCPU") int ncpu,
    @JsonProperty("MemTotal") long memTotal,
    @JsonProperty("DockerRootDir") String dockerRootDir,
    @JsonProperty("Name") String name,
    @JsonProperty("Labels") List<String> labels,
    @JsonProperty("ExperimentalBuild") boolean experimentalBuild,
    @JsonProperty("ServerVersion") String serverVersion,
    @JsonProperty("Runtimes") Map<String, Runtime> runtimes,
    @JsonProperty("DefaultRuntime") String defaultRuntime,
    @JsonProperty("Swarm") Map<String, Object> swarm,
    @JsonProperty("LiveRestoreEnabled") boolean liveRestoreEnabled,
    @JsonProperty("Isolation") String isolation,
    @JsonProperty("InitBinary") String initBinary,
    @JsonProperty("ContainerdCommit") Commit containerdCommit,
    @JsonProperty("RuncCommit") Commit runcCommit,
    @JsonProperty("InitCommit") Commit initCommit,
    @JsonProperty("SecurityOptions") List<String> securityOptions,
    @JsonProperty("Warnings") List<String> warnings) implements ForVersion<Info> {
  private static final String UNKNOWN = "<unknown>";

  /** Always false in the clients that still have it; dockerd dropped it in 1.50. */
  @RemovedIn("1.50")
  @JsonProperty("BridgeNfIptables")
  public boolean bridgeNfIptables() {
    return false;
  }

  /** Always false in the clients that still have it; dockerd dropped it in 1.50. */
  @RemovedIn("1.50")
  @JsonProperty("BridgeNfIp6tables")
  public boolean bridgeNfIp6tables() {
    return false;
  }

  @Override
  public Info forVersion(ApiVersion v) {
    String kernel = kernelVersion;
    String system = operatingSystem;
    if (v.lessThan(ApiVersion.V1_39)) {
      kernel = kernel == null || kernel.isEmpty() ? UNKNOWN : kernel;
      system = system == null || system.isEmpty() ? UNKNOWN : system;
    }
    List<String> security = securityOptions;
    if (v.lessThan(ApiVersion.V1_25) && security != null) {
      security = new ArrayList<>();
      for (String option : securityOptions) {
        security.add(optionName(option));
      }
    }
    return new Info(id, containers, containersRunning, containersPaused, containersStopped, images,
        driver, driverStatus, plugins, memoryLimit, swapLimit, cpuCfsPeriod, cpuCfsQuota, cpuShares,
        cpuSet, pidsLimit, ipv4Forwarding, debug, nfd, nGoroutines, systemTime, loggingDriver,
        cgroupDriver, cgroupVersion, nEventsListener, kernel, system, osVersion, osType,
        architecture, indexServerAddress, registryConfig, ncpu, memTotal, dockerRootDir, name,
        labels, experimentalBuild, serverVersion, runtimes, defaultRuntime, swarm,
        liveRestoreEnabled, isolation, initBinary, containerdCommit, runcCommit, initCommit,
        security, warnings);
  }

  /**
   * {@code name=seccomp,profile=default} is {@code seccomp} to clients before 1.25, which knew
   * only bare names.
   */
  private static String optionName(String option) {
    for (String pair : option.split(",")) {
      if (pair.startsWith("name=")) {
        return pair.substring(5);
      }
    }
    return option;
  }

  /** One runtime; {@code status} (what the runtime reports about itself) came in 1.44. */
  public record Runtime(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("path") String path,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("runtimeArgs") List<String> runtimeArgs,
      @AddedIn("1.44") @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("status")
          Map<String, String> status) {}

  /** The registry settings; the non-distributable-artifact keys went in 1.47, as nulls before. */
  public record RegistryConfig(
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("InsecureRegistryCIDRs")
          List<String> insecureRegistryCidrs,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("IndexConfigs")
          Map<String, Object> indexConfigs,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Mirrors") List<String> mirrors) {

    @RemovedIn("1.47")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonProperty("AllowNondistributableArtifactsCIDRs")
    public List<String> allowNondistributableArtifactsCidrs() {
      return null;
    }

    @RemovedIn("1.47")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonProperty("AllowNondistributableArtifactsHostnames")
    public List<String> allowNondistributableArtifactsHostnames() {
      return null;
    }
  }

  /** The commit of a component dockerd depends on; older clients compared it to an expected one. */
  public record Commit(@JsonProperty("ID") String id) {
    /** Before 1.49 dockerd repeated the ID here, so that nothing looked out of date. */
    @RemovedIn("1.49")
    @JsonProperty("Expected")
    public String expected() {
      return id;
    }
  }
}
