package io.berth.api.server.create;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one table of what Berth does with each field of {@code POST /containers/create}: every
 * field of Docker's {@code Config}, {@code HostConfig} (with its {@code Resources}) and
 * {@code NetworkingConfig} is here, with its JSON type and whether Berth enforces it. A field
 * Berth does not enforce is refused, naming the option a user knows it by, unless its value is
 * one that clients send when the user asked for nothing. A later issue that makes an option work
 * moves its row from {@link #refused} to {@link #enforced} in the same commit.
 */
public final class CreateFields {
  /** JSON shapes, with Go's type name for Docker's decoding error. */
  public enum Kind {
    STRING("string"),
    BOOL("bool"),
    INT("int64"),
    /** Docker's StrSlice: a string or an array of strings. */
    STR_SLICE("strslice.StrSlice"),
    STR_LIST("[]string"),
    STR_MAP("map[string]string"),
    /** A map whose values are objects or lists: ExposedPorts, Volumes, PortBindings. */
    SET("map[string]struct {}"),
    OBJECT("struct"),
    LIST("[]struct"),
    INT_PAIR("[2]uint");

    final String goType;

    Kind(String goType) {
      this.goType = goType;
    }
  }

  /**
   * One field. {@code option} is null for a field Berth enforces; otherwise the CLI option that
   * sets it, named in the refusal. {@code accepted} says which values need no support: what
   * clients send when the user asked for nothing (for an enforced field: always true).
   */
  public record Field(String section, String name, Kind kind, String option, Predicate<JsonNode> accepted,
      String goPath) {
    public boolean enforced() {
      return option == null;
    }

    public String path() {
      return section.isEmpty() ? name : section + "." + name;
    }
  }

  public static final String CONFIG = "";
  public static final String HOST = "HostConfig";

  private static final Map<String, Field> FIELDS = new LinkedHashMap<>();
  /** While the table is built: the rows being added belong to HostConfig's embedded Resources. */
  private static boolean resources;

  static {
    // Config: what runs
    enforced(CONFIG, "Hostname", Kind.STRING);
    enforced(CONFIG, "Domainname", Kind.STRING);
    enforced(CONFIG, "User", Kind.STRING);
    enforced(CONFIG, "AttachStdin", Kind.BOOL);
    enforced(CONFIG, "AttachStdout", Kind.BOOL);
    enforced(CONFIG, "AttachStderr", Kind.BOOL);
    // image metadata, as in Docker: exposing a port publishes nothing
    enforced(CONFIG, "ExposedPorts", Kind.SET);
    enforced(CONFIG, "Tty", Kind.BOOL);
    enforced(CONFIG, "OpenStdin", Kind.BOOL);
    enforced(CONFIG, "StdinOnce", Kind.BOOL);
    enforced(CONFIG, "Env", Kind.STR_LIST);
    enforced(CONFIG, "Cmd", Kind.STR_SLICE);
    enforced(CONFIG, "Healthcheck", Kind.OBJECT);
    refused(CONFIG, "ArgsEscaped", Kind.BOOL, "ArgsEscaped (Windows only)");
    enforced(CONFIG, "Image", Kind.STRING);
    enforced(CONFIG, "Volumes", Kind.SET);
    enforced(CONFIG, "WorkingDir", Kind.STRING);
    enforced(CONFIG, "Entrypoint", Kind.STR_SLICE);
    // a disabled network runs the container in mode none
    enforced(CONFIG, "NetworkDisabled", Kind.BOOL);
    // before API 1.44 the CLI sends --mac-address here, since in the endpoint's settings
    enforced(CONFIG, "MacAddress", Kind.STRING);
    // build-time metadata, kept and shown as Docker keeps it
    enforced(CONFIG, "OnBuild", Kind.STR_LIST);
    enforced(CONFIG, "Labels", Kind.STR_MAP);
    enforced(CONFIG, "StopSignal", Kind.STRING);
    enforced(CONFIG, "StopTimeout", Kind.INT);
    enforced(CONFIG, "Shell", Kind.STR_SLICE);

    // HostConfig: how it sits on the host
    enforced(HOST, "Binds", Kind.STR_LIST);
    // the CLI writes the file itself; the daemon only echoes it
    enforced(HOST, "ContainerIDFile", Kind.STRING);
    refused(HOST, "LogConfig", Kind.OBJECT, "--log-driver", CreateFields::defaultLogConfig);
    enforced(HOST, "NetworkMode", Kind.STRING);
    enforced(HOST, "PortBindings", Kind.SET);
    enforced(HOST, "RestartPolicy", Kind.OBJECT);
    enforced(HOST, "AutoRemove", Kind.BOOL);
    enforced(HOST, "VolumeDriver", Kind.STRING);
    enforced(HOST, "VolumesFrom", Kind.STR_LIST);
    // the terminal's first size: the CLI resizes right after start anyway
    enforced(HOST, "ConsoleSize", Kind.INT_PAIR);
    refused(HOST, "Annotations", Kind.STR_MAP, "--annotation");
    enforced(HOST, "CapAdd", Kind.STR_SLICE);
    enforced(HOST, "CapDrop", Kind.STR_SLICE);
    // no cgroup namespace is made: that is "host", Docker's default on cgroup v1
    refused(HOST, "CgroupnsMode", Kind.STRING, "--cgroupns", n -> oneOf(n, "", "host"));
    enforced(HOST, "Dns", Kind.STR_LIST);
    enforced(HOST, "DnsOptions", Kind.STR_LIST);
    enforced(HOST, "DnsSearch", Kind.STR_LIST);
    enforced(HOST, "ExtraHosts", Kind.STR_LIST);
    enforced(HOST, "GroupAdd", Kind.STR_LIST);
    // every container gets its own IPC namespace, which nobody else can join
    // joining another container's namespace is not done yet
    refused(HOST, "IpcMode", Kind.STRING, "--ipc", n -> oneOf(n, "", "private", "shareable", "host"));
    refused(HOST, "Cgroup", Kind.STRING, "--cgroup");
    enforced(HOST, "Links", Kind.STR_LIST);
    enforced(HOST, "OomScoreAdj", Kind.INT);
    refused(HOST, "PidMode", Kind.STRING, "--pid", n -> oneOf(n, "", "host")
        || (n != null && n.isTextual() && n.asText().startsWith("container:")));
    enforced(HOST, "Privileged", Kind.BOOL);
    enforced(HOST, "PublishAllPorts", Kind.BOOL);
    enforced(HOST, "ReadonlyRootfs", Kind.BOOL);
    // no-new-privileges and seccomp are enforced (their values are checked by the daemon, in dockerd's words)
    refused(HOST, "SecurityOpt", Kind.STR_LIST, "--security-opt", CreateFields::noNewPrivilegesOnly);
    refused(HOST, "StorageOpt", Kind.STR_MAP, "--storage-opt");
    enforced(HOST, "Tmpfs", Kind.STR_MAP);
    refused(HOST, "UTSMode", Kind.STRING, "--uts", n -> oneOf(n, "", "host"));
    refused(HOST, "UsernsMode", Kind.STRING, "--userns");
    enforced(HOST, "ShmSize", Kind.INT);
    enforced(HOST, "Sysctls", Kind.STR_MAP);
    refused(HOST, "Runtime", Kind.STRING, "--runtime", n -> oneOf(n, "", "runc"));
    refused(HOST, "Isolation", Kind.STRING, "--isolation", n -> oneOf(n, "", "default"));
    enforced(HOST, "Mounts", Kind.LIST);
    // nil means Docker's defaults; a list (even empty: systempaths=unconfined) replaces them
    refused(HOST, "MaskedPaths", Kind.STR_LIST, "--security-opt systempaths=unconfined", n -> n == null || n.isNull());
    refused(HOST, "ReadonlyPaths", Kind.STR_LIST, "--security-opt systempaths=unconfined", n -> n == null || n.isNull());
    enforced(HOST, "Init", Kind.BOOL);
    resources = true;
    enforced(HOST, "CpuShares", Kind.INT);
    enforced(HOST, "Memory", Kind.INT);
    enforced(HOST, "NanoCpus", Kind.INT);
    refused(HOST, "CgroupParent", Kind.STRING, "--cgroup-parent");
    refused(HOST, "BlkioWeight", Kind.INT, "--blkio-weight");
    refused(HOST, "BlkioWeightDevice", Kind.LIST, "--blkio-weight-device");
    refused(HOST, "BlkioDeviceReadBps", Kind.LIST, "--device-read-bps");
    refused(HOST, "BlkioDeviceWriteBps", Kind.LIST, "--device-write-bps");
    refused(HOST, "BlkioDeviceReadIOps", Kind.LIST, "--device-read-iops");
    refused(HOST, "BlkioDeviceWriteIOps", Kind.LIST, "--device-write-iops");
    enforced(HOST, "CpuPeriod", Kind.INT);
    enforced(HOST, "CpuQuota", Kind.INT);
    refused(HOST, "CpuRealtimePeriod", Kind.INT, "--cpu-rt-period");
    refused(HOST, "CpuRealtimeRuntime", Kind.INT, "--cpu-rt-runtime");
    enforced(HOST, "CpusetCpus", Kind.STRING);
    enforced(HOST, "CpusetMems", Kind.STRING);
    enforced(HOST, "Devices", Kind.LIST);
    enforced(HOST, "DeviceCgroupRules", Kind.STR_LIST);
    refused(HOST, "DeviceRequests", Kind.LIST, "--gpus");
    refused(HOST, "KernelMemory", Kind.INT, "--kernel-memory");
    refused(HOST, "KernelMemoryTCP", Kind.INT, "KernelMemoryTCP");
    enforced(HOST, "MemoryReservation", Kind.INT);
    enforced(HOST, "MemorySwap", Kind.INT);
    // -1 is "unset" for these, and the CLI sends it
    enforced(HOST, "MemorySwappiness", Kind.INT);
    enforced(HOST, "OomKillDisable", Kind.BOOL);
    enforced(HOST, "PidsLimit", Kind.INT);
    enforced(HOST, "Ulimits", Kind.LIST);
    refused(HOST, "CpuCount", Kind.INT, "--cpu-count");
    refused(HOST, "CpuPercent", Kind.INT, "--cpu-percent");
    refused(HOST, "IOMaximumIOps", Kind.INT, "--io-maxiops");
    refused(HOST, "IOMaximumBandwidth", Kind.INT, "--io-maxbandwidth");

    resources = false;
    // NetworkingConfig: endpoints are checked one by one (see CreateRequestCheck)
    enforced("NetworkingConfig", "EndpointsConfig", Kind.OBJECT);
  }

  /**
   * Endpoint settings Berth does not act on (aliases, an IPv4 address and a MAC it does, and checks);
   * the operational ones are output only.
   */
  static final Map<String, String> ENDPOINT_OPTIONS = Map.ofEntries(
      Map.entry("Links", "--link"),
      Map.entry("DriverOpts", "--network driver-opt"), Map.entry("GwPriority", "--network gw-priority"),
      Map.entry("NetworkID", "NetworkID"), Map.entry("EndpointID", "EndpointID"),
      Map.entry("Gateway", "Gateway"), Map.entry("IPAddress", "IPAddress"),
      Map.entry("IPPrefixLen", "IPPrefixLen"), Map.entry("IPv6Gateway", "IPv6Gateway"),
      Map.entry("GlobalIPv6Address", "GlobalIPv6Address"),
      Map.entry("GlobalIPv6PrefixLen", "GlobalIPv6PrefixLen"), Map.entry("DNSNames", "DNSNames"));

  private CreateFields() {}

  /** Every field, in Docker's order. */
  public static List<Field> all() {
    return List.copyOf(FIELDS.values());
  }

  /** The field of {@code section} named {@code name}, matched without case as Go's decoder does. */
  public static Field find(String section, String name) {
    return FIELDS.get(key(section, name));
  }

  private static String key(String section, String name) {
    return (section + "." + name).toLowerCase(Locale.ROOT);
  }

  private static void enforced(String section, String name, Kind kind) {
    FIELDS.put(key(section, name), new Field(section, name, kind, null, n -> true, goPath(section, name)));
  }

  /**
   * How Go's decoder names the field in a type error: the innermost struct, then the path from
   * the root with embedded structs (Config, Resources) included, as Docker 28 (Go 1.24) reports.
   */
  private static String goPath(String section, String name) {
    return switch (section) {
      case CONFIG -> "CreateRequest.Config." + name;
      case HOST -> "HostConfig.HostConfig." + (resources ? "Resources." : "") + name;
      default -> "NetworkingConfig." + section + "." + name;
    };
  }

  /** Maps and lists are set by their entries, whatever the entries hold; scalars by their value. */
  private static void refused(String section, String name, Kind kind, String option) {
    Predicate<JsonNode> nothing = switch (kind) {
      case STR_MAP, SET, LIST, STR_LIST -> n -> n == null || n.isNull() || n.isEmpty();
      case STRING, BOOL, INT, STR_SLICE, OBJECT, INT_PAIR -> CreateFields::blank;
    };
    refused(section, name, kind, option, nothing);
  }

  private static void refused(String section, String name, Kind kind, String option, Predicate<JsonNode> accepted) {
    FIELDS.put(key(section, name), new Field(section, name, kind, option, accepted, goPath(section, name)));
  }

  /** What a client sends for "nothing": absent, null, false, 0, "", [] or {} (recursively). */
  private static boolean noNewPrivilegesOnly(JsonNode n) {
    if (blank(n)) {
      return true;
    }
    for (JsonNode e : n) {
      String o = e.asText();
      if (!o.equals("no-new-privileges") && !o.startsWith("no-new-privileges=") && !o.startsWith("no-new-privileges:")
          && !o.startsWith("seccomp=") && !o.startsWith("seccomp:")) {
        return false;
      }
    }
    return true;
  }

  static boolean blank(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return true;
    }
    if (n.isBoolean()) {
      return !n.booleanValue();
    }
    if (n.isNumber()) {
      return n.doubleValue() == 0;
    }
    if (n.isTextual()) {
      return n.textValue().isEmpty();
    }
    for (JsonNode child : n) {
      if (!blank(child)) {
        return false;
      }
    }
    return true;
  }

  private static boolean oneOf(JsonNode n, String... values) {
    return n == null || n.isNull() || (n.isTextual() && Set.of(values).contains(n.textValue()));
  }

  /** No type, or the one Berth writes, and no options. */
  private static boolean defaultLogConfig(JsonNode n) {
    if (blank(n)) {
      return true;
    }
    JsonNode type = n.get("Type");
    return (type == null || oneOf(type, "", "json-file", "k8s-file")) && blank(n.get("Config"));
  }

  /** {@code no} (or nothing); other policies are checked first by {@link CreateRequestCheck}. */
}
