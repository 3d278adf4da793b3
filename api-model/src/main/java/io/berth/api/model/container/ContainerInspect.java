package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.network.EndpointSettings;
import io.berth.api.model.AddedIn;
import io.berth.api.model.image.Descriptor;
import java.util.List;
import java.util.Map;

/** {@code GET /containers/{id}/json}, with every field any API version shows. */
public record ContainerInspect(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Path") String path,
    @JsonProperty("Args") List<String> args,
    @JsonProperty("State") State state,
    @JsonProperty("Image") String image,
    @JsonProperty("ResolvConfPath") String resolvConfPath,
    @JsonProperty("HostnamePath") String hostnamePath,
    @JsonProperty("HostsPath") String hostsPath,
    @JsonProperty("LogPath") String logPath,
    @JsonProperty("Name") String name,
    @JsonProperty("RestartCount") int restartCount,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Platform") String platform,
    @JsonProperty("MountLabel") String mountLabel,
    @JsonProperty("ProcessLabel") String processLabel,
    @JsonProperty("AppArmorProfile") String appArmorProfile,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("ExecIDs") List<String> execIds,
    @JsonProperty("HostConfig") HostConfig hostConfig,
    @JsonProperty("GraphDriver") GraphDriver graphDriver,
    @JsonProperty("Mounts") List<Object> mounts,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("NetworkSettings") NetworkSettings networkSettings,
    @AddedIn("1.48") @JsonProperty("ImageManifestDescriptor") Descriptor imageManifestDescriptor)
    implements io.berth.api.model.ForVersion<ContainerInspect> {

  /**
   * Clients before API 1.45 find a container's short id and hostname among its aliases on each
   * user-defined network (those have DNS names), as dockerd still shows them.
   */
  @Override
  public ContainerInspect forVersion(io.berth.api.model.ApiVersion v) {
    if (!v.lessThan(io.berth.api.model.ApiVersion.of("1.45")) || networkSettings == null
        || networkSettings.networks() == null) {
      return this;
    }
    Map<String, Object> networks = new java.util.LinkedHashMap<>();
    networkSettings.networks().forEach((name, ep) -> {
      if (ep instanceof EndpointSettings e && e.dnsNames() != null) {
        java.util.LinkedHashSet<String> aliases = new java.util.LinkedHashSet<>(
            e.aliases() == null ? List.of() : e.aliases());
        aliases.add(id.substring(0, Math.min(12, id.length())));
        if (config != null && config.hostname() != null && !config.hostname().isEmpty()) {
          aliases.add(config.hostname());
        }
        networks.put(name, e.withAliases(List.copyOf(aliases)));
      } else {
        networks.put(name, ep);
      }
    });
    NetworkSettings ns = new NetworkSettings(networkSettings.bridge(), networkSettings.sandboxId(),
        networkSettings.sandboxKey(), networkSettings.ports(), networks);
    return new ContainerInspect(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath,
        logPath, name, restartCount, driver, platform, mountLabel, processLabel, appArmorProfile, execIds,
        hostConfig, graphDriver, mounts, config, ns, imageManifestDescriptor);
  }

  /**
   * An inspect without a manifest descriptor: dockerd has one only with the containerd image
   * store, and Berth's store, like dockerd's graph drivers, keeps none.
   */
  public ContainerInspect(String id, String created, String path, List<String> args, State state,
      String image, String resolvConfPath, String hostnamePath, String hostsPath, String logPath,
      String name, int restartCount, String driver, String platform, String mountLabel,
      String processLabel, String appArmorProfile, List<String> execIds, HostConfig hostConfig,
      GraphDriver graphDriver, List<Object> mounts, ContainerConfig config,
      NetworkSettings networkSettings) {
    this(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath,
        name, restartCount, driver, platform, mountLabel, processLabel, appArmorProfile, execIds,
        hostConfig, graphDriver, mounts, config, networkSettings, null);
  }

  public record State(
      @JsonProperty("Status") String status,
      @JsonProperty("Running") boolean running,
      @JsonProperty("Paused") boolean paused,
      @JsonProperty("Restarting") boolean restarting,
      @JsonProperty("OOMKilled") boolean oomKilled,
      @JsonProperty("Dead") boolean dead,
      @JsonProperty("Pid") long pid,
      @JsonProperty("ExitCode") int exitCode,
      @JsonProperty("Error") String error,
      @JsonProperty("StartedAt") String startedAt,
      @JsonProperty("FinishedAt") String finishedAt,
      @JsonProperty("Health") Health health) {
    public State(String status, boolean running, boolean paused, boolean restarting, boolean oomKilled, boolean dead,
        long pid, int exitCode, String error, String startedAt, String finishedAt) {
      this(status, running, paused, restarting, oomKilled, dead, pid, exitCode, error, startedAt, finishedAt, null);
    }
  }

  /** A health-checked container's health, as dockerd shows it. */
  public record Health(
      @JsonProperty("Status") String status,
      @JsonProperty("FailingStreak") int failingStreak,
      @JsonProperty("Log") List<HealthResult> log) {}

  public record HealthResult(
      @JsonProperty("Start") String start,
      @JsonProperty("End") String end,
      @JsonProperty("ExitCode") int exitCode,
      @JsonProperty("Output") String output) {}

  public record GraphDriver(
      @JsonProperty("Name") String name, @JsonProperty("Data") Map<String, String> data) {}

  /**
   * A container's networking. The fields after {@code Networks} repeat the endpoint on the default
   * bridge, as dockerd 28 still writes them at every API version it serves; they are empty in
   * other modes.
   */
  public record NetworkSettings(
      @JsonProperty("Bridge") String bridge,
      @JsonProperty("SandboxID") String sandboxId,
      @JsonProperty("SandboxKey") String sandboxKey,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Ports") Map<String, Object> ports,
      @JsonProperty("Networks") Map<String, Object> networks) {

    @JsonProperty("HairpinMode")
    public boolean hairpinMode() {
      return false;
    }

    @JsonProperty("LinkLocalIPv6Address")
    public String linkLocalIpv6Address() {
      return "";
    }

    @JsonProperty("LinkLocalIPv6PrefixLen")
    public int linkLocalIpv6PrefixLen() {
      return 0;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonProperty("SecondaryIPAddresses")
    public List<Object> secondaryIpAddresses() {
      return null;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonProperty("SecondaryIPv6Addresses")
    public List<Object> secondaryIpv6Addresses() {
      return null;
    }

    /**
     * The endpoint on the default bridge, which the deprecated top-level fields below repeat, as
     * dockerd 28 still sends them at every API version.
     */
    private EndpointSettings onBridge() {
      return networks != null && networks.get("bridge") instanceof EndpointSettings e ? e : null;
    }

    private String fromBridge(java.util.function.Function<EndpointSettings, String> f) {
      EndpointSettings e = onBridge();
      return e == null ? "" : f.apply(e);
    }

    @JsonProperty("EndpointID")
    public String endpointId() {
      return fromBridge(EndpointSettings::endpointId);
    }

    @JsonProperty("Gateway")
    public String gateway() {
      return fromBridge(EndpointSettings::gateway);
    }

    @JsonProperty("GlobalIPv6Address")
    public String globalIpv6Address() {
      return "";
    }

    @JsonProperty("GlobalIPv6PrefixLen")
    public int globalIpv6PrefixLen() {
      return 0;
    }

    @JsonProperty("IPAddress")
    public String ipAddress() {
      return fromBridge(EndpointSettings::ipAddress);
    }

    @JsonProperty("IPPrefixLen")
    public int ipPrefixLen() {
      EndpointSettings e = onBridge();
      return e == null ? 0 : e.ipPrefixLen();
    }

    @JsonProperty("IPv6Gateway")
    public String ipv6Gateway() {
      return "";
    }

    @JsonProperty("MacAddress")
    public String macAddress() {
      return fromBridge(EndpointSettings::macAddress);
    }
  }
}
