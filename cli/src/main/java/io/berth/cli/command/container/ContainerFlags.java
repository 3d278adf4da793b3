package io.berth.cli.command.container;

import io.berth.cli.command.container.ContainerOptions.Invalid;
import io.berth.cli.flags.FlagSet;
import io.berth.cli.flags.GoParse;
import io.berth.cli.flags.Parsed;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every flag of docker 28's {@code run} and {@code create}, and which of them Berth refuses: a
 * flag Berth does not act on fails before any request, naming it, unless its value asks for what
 * Berth does anyway. {@link ContainerOptions} turns the accepted ones into the create request.
 */
final class ContainerFlags {
  private ContainerFlags() {}

  /**
   * The flags whose values Berth acts on. Every other flag of docker's {@code run} and
   * {@code create} is parsed (so that the rest of the line parses as docker's does) and refused,
   * unless its value is one that asks for what Berth does anyway (see {@link #noop}).
   */
  private static final Set<String> SUPPORTED = Set.of("add-host", "cap-add", "cap-drop", "cidfile", "detach",
      "detach-keys", "dns", "dns-opt", "dns-option", "dns-search", "domainname", "ip", "link", "mac-address", "net-alias", "network-alias",
      "entrypoint", "env", "env-file", "expose", "help", "hostname", "init", "interactive", "label", "label-file", "name",
      "net", "network", "no-healthcheck", "privileged", "publish", "publish-all", "pull", "quiet", "read-only",
      "rm", "shm-size", "mount", "tmpfs", "volume", "volume-driver", "volumes-from",
      "sig-proxy", "stop-signal", "stop-timeout", "tty", "user", "workdir",
      "memory", "memory-reservation", "memory-swap", "memory-swappiness", "cpus", "cpu-shares", "cpu-period",
      "cpu-quota", "cpuset-cpus", "cpuset-mems", "pids-limit", "oom-kill-disable", "oom-score-adj", "ulimit",
      "security-opt", "restart", "health-cmd", "health-interval", "health-timeout", "health-start-period",
      "health-start-interval", "health-retries", "sysctl", "group-add", "device", "device-cgroup-rule");

  /** Every flag of docker 28's {@code run} ({@code run} true) or {@code create}, with its type and help. */
  static void declare(FlagSet f, boolean run) {
    f.list(null, "add-host", "Add a custom host-to-IP mapping (host:ip)")
        .value(null, "annotation", "map", "map[]",
            "Add an annotation to the container (passed through to the OCI runtime)")
        .list("a", "attach", "Attach to STDIN, STDOUT or STDERR")
        .value(null, "blkio-weight", "uint16", null,
            "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)")
        .value(null, "blkio-weight-device", "list", "[]", "Block IO weight (relative device weight)")
        .list(null, "cap-add", "Add Linux capabilities")
        .list(null, "cap-drop", "Drop Linux capabilities")
        .string(null, "cgroup-parent", "Optional parent cgroup for the container")
        .string(null, "cgroupns", """
            Cgroup namespace to use (host|private)
            'host':    Run the container in the Docker host's cgroup namespace
            'private': Run the container in its own private cgroup namespace
            '':        Use the cgroup namespace as configured by the
                       default-cgroupns-mode option on the daemon (default)""")
        .string(null, "cidfile", "Write the container ID to the file")
        .value(null, "cpu-count", "int", null, "CPU count (Windows only)")
        .value(null, "cpu-percent", "int", null, "CPU percent (Windows only)")
        .value(null, "cpu-period", "int", null, "Limit CPU CFS (Completely Fair Scheduler) period")
        .value(null, "cpu-quota", "int", null, "Limit CPU CFS (Completely Fair Scheduler) quota")
        .value(null, "cpu-rt-period", "int", null, "Limit CPU real-time period in microseconds")
        .value(null, "cpu-rt-runtime", "int", null, "Limit CPU real-time runtime in microseconds")
        .value("c", "cpu-shares", "int", null, "CPU shares (relative weight)")
        .value(null, "cpus", "decimal", null, "Number of CPUs")
        .string(null, "cpuset-cpus", "CPUs in which to allow execution (0-3, 0,1)")
        .string(null, "cpuset-mems", "MEMs in which to allow execution (0-3, 0,1)");
    if (run) {
      f.bool("d", "detach", "Run container in background and print container ID")
          .string(null, "detach-keys", "Override the key sequence for detaching a container");
    }
    f.list(null, "device", "Add a host device to the container")
        .list(null, "device-cgroup-rule", "Add a rule to the cgroup allowed devices list")
        .value(null, "device-read-bps", "list", "[]", "Limit read rate (bytes per second) from a device")
        .value(null, "device-read-iops", "list", "[]", "Limit read rate (IO per second) from a device")
        .value(null, "device-write-bps", "list", "[]", "Limit write rate (bytes per second) to a device")
        .value(null, "device-write-iops", "list", "[]", "Limit write rate (IO per second) to a device")
        .boolDefaultTrue("disable-content-trust", "Skip image verification")
        .list(null, "dns", "Set custom DNS servers")
        .hidden("dns-opt", false)
        .list(null, "dns-option", "Set DNS options")
        .list(null, "dns-search", "Set custom DNS search domains")
        .string(null, "domainname", "Container NIS domain name")
        .string(null, "entrypoint", "Overwrite the default ENTRYPOINT of the image")
        .list("e", "env", "Set environment variables")
        .list(null, "env-file", "Read in a file of environment variables")
        .list(null, "expose", "Expose a port or a range of ports")
        .value(null, "gpus", "gpu-request", null, "GPU devices to add to the container ('all' to pass all GPUs)")
        .list(null, "group-add", "Add additional groups to join")
        .string(null, "health-cmd", "Command to run to check health")
        .value(null, "health-interval", "duration", null, "Time between running the check (ms|s|m|h) (default 0s)")
        .value(null, "health-retries", "int", null, "Consecutive failures needed to report unhealthy")
        .value(null, "health-start-interval", "duration", null,
            "Time between running the check during the start period (ms|s|m|h) (default 0s)")
        .value(null, "health-start-period", "duration", null, "Start period for the container to initialize"
            + " before starting health-retries countdown (ms|s|m|h) (default 0s)")
        .value(null, "health-timeout", "duration", null,
            "Maximum time to allow one check to run (ms|s|m|h) (default 0s)")
        .bool(null, "help", "Print usage")
        .string("h", "hostname", "Container host name")
        .bool(null, "init", "Run an init inside the container that forwards signals and reaps processes")
        .bool("i", "interactive", "Keep STDIN open even if not attached")
        .value(null, "io-maxbandwidth", "bytes", null, "Maximum IO bandwidth limit for the system drive (Windows only)")
        .value(null, "io-maxiops", "uint", null, "Maximum IOps limit for the system drive (Windows only)")
        .string(null, "ip", "IPv4 address (e.g., 172.30.100.104)")
        .string(null, "ip6", "IPv6 address (e.g., 2001:db8::33)")
        .string(null, "ipc", "IPC mode to use")
        .string(null, "isolation", "Container isolation technology")
        .value(null, "kernel-memory", "bytes", null, "Kernel memory limit")
        .list("l", "label", "Set meta data on a container")
        .list(null, "label-file", "Read in a line delimited file of labels")
        .list(null, "link", "Add link to another container")
        .list(null, "link-local-ip", "Container IPv4/IPv6 link-local addresses")
        .string(null, "log-driver", "Logging driver for the container")
        .list(null, "log-opt", "Log driver options")
        .string(null, "mac-address", "Container MAC address (e.g., 92:d0:c6:0a:29:33)")
        .value("m", "memory", "bytes", null, "Memory limit")
        .value(null, "memory-reservation", "bytes", null, "Memory soft limit")
        .value(null, "memory-swap", "bytes", null, "Swap limit equal to memory plus swap: '-1' to enable unlimited swap")
        .value(null, "memory-swappiness", "int", "-1", "Tune container memory swappiness (0 to 100)")
        .value(null, "mount", "mount", null, "Attach a filesystem mount to the container")
        .string(null, "name", "Assign a name to the container")
        .hidden("net", false)
        .hidden("net-alias", false)
        .value(null, "network", "network", null, "Connect a container to a network")
        .list(null, "network-alias", "Add network-scoped alias for the container")
        .bool(null, "no-healthcheck", "Disable any container-specified HEALTHCHECK")
        .bool(null, "oom-kill-disable", "Disable OOM Killer")
        .value(null, "oom-score-adj", "int", null, "Tune host's OOM preferences (-1000 to 1000)")
        .string(null, "pid", "PID namespace to use")
        .value(null, "pids-limit", "int", null, "Tune container pids limit (set -1 for unlimited)")
        .string(null, "platform", "Set platform if server is multi-platform capable")
        .bool(null, "privileged", "Give extended privileges to this container")
        .list("p", "publish", "Publish a container's port(s) to the host")
        .bool("P", "publish-all", "Publish all exposed ports to random ports")
        .value(null, "pull", "string", "\"missing\"", run
            ? "Pull image before running (\"always\", \"missing\", \"never\")"
            : "Pull image before creating (\"always\", \"missing\", \"never\")")
        .bool("q", "quiet", "Suppress the pull output")
        .bool(null, "read-only", "Mount the container's root filesystem as read only")
        .value(null, "restart", "string", "\"no\"", "Restart policy to apply when a container exits")
        .bool(null, "rm", "Automatically remove the container and its associated anonymous volumes when it exits")
        .string(null, "runtime", "Runtime to use for this container")
        .list(null, "security-opt", "Security Options")
        .value(null, "shm-size", "bytes", null, "Size of /dev/shm");
    if (run) {
      f.boolDefaultTrue("sig-proxy", "Proxy received signals to the process");
    }
    f.string(null, "stop-signal", "Signal to stop the container")
        .value(null, "stop-timeout", "int", null, "Timeout (in seconds) to stop a container")
        .list(null, "storage-opt", "Storage driver options for the container")
        .value(null, "sysctl", "map", "map[]", "Sysctl options")
        .list(null, "tmpfs", "Mount a tmpfs directory")
        .bool("t", "tty", "Allocate a pseudo-TTY")
        .value(null, "ulimit", "ulimit", "[]", "Ulimit options")
        .bool(null, "use-api-socket", "Bind mount Docker API socket and required auth")
        .string("u", "user", "Username or UID (format: <name|uid>[:<group|gid>])")
        .string(null, "userns", "User namespace to use")
        .string(null, "uts", "UTS namespace to use")
        .list("v", "volume", "Bind mount a volume")
        .string(null, "volume-driver", "Optional volume driver for the container")
        .list(null, "volumes-from", "Mount volumes from the specified container(s)")
        .string("w", "workdir", "Working directory inside the container")
        .stopAtFirstArg();
  }

  /**
   * Refuses, before any request, a flag asking for something Berth does not do, in the words the
   * daemon uses for the same field: {@code berth does not support --volume yet}. The first such
   * flag on the command line is named.
   */
  static void check(Parsed p) throws Invalid {
    // What pflag rejects while parsing comes first, as in docker.
    p.bytes("shm-size", 0);
    p.int64("stop-timeout", 0);
    ContainerOptions.validateLabels(p);
    ResourceFlags.limits(p);
    ResourceFlags.ulimits(p);
    ResourceFlags.health(p);
    ResourceFlags.sysctls(p);
    ResourceFlags.devices(p);
    for (String o : p.list("security-opt")) {
      if (!o.equals("no-new-privileges") && !o.startsWith("no-new-privileges=") && !o.startsWith("no-new-privileges:")
          && !o.startsWith("seccomp=") && !o.startsWith("seccomp:")) {
        throw new Invalid("berth does not support --security-opt " + o.replaceFirst("[=:].*", "") + " yet");
      }
    }
    restartPolicy(p);
    for (Map.Entry<String, List<String>> e : p.values().entrySet()) {
      String name = e.getKey();
      if (SUPPORTED.contains(name)) {
        continue;
      }
      FlagSet.Flag f = p.set().byLong(name);
      List<String> values = e.getValue();
      boolean ok;
      if (f.bool()) {
        ok = noop(name, "bool", values.getLast());
      } else if (f.type().equals("list") || f.type().equals("map") || f.type().equals("mount")
          || f.type().equals("ulimit") || f.type().equals("gpu-request")) {
        // Repeatable: every value adds something
        ok = false;
      } else {
        // A scalar: as in pflag, the last one given is the value
        ok = noop(name, f.type(), values.getLast());
      }
      if (!ok) {
        throw new Invalid("berth does not support --" + name + " yet");
      }
    }
  }

  /** Whether {@code value} of a flag Berth does not support asks for what Berth does anyway. */
  static boolean noop(String name, String type, String value) {
    try {
      switch (name) {
        case "disable-content-trust" -> {
          return value.equals("true");
        }
        // Modes that are what every Berth container gets; they are passed on as given
        case "cgroupns" -> {
          return value.isEmpty() || value.equals("host");
        }
        case "ipc" -> {
          return value.isEmpty() || value.equals("private") || value.equals("shareable") || value.equals("host");
        }
        case "pid" -> {
          return value.isEmpty() || value.equals("host") || value.startsWith("container:");
        }
        case "uts" -> {
          return value.isEmpty() || value.equals("host");
        }
        case "runtime" -> {
          return value.isEmpty() || value.equals("runc");
        }
        case "isolation" -> {
          return value.isEmpty() || value.equals("default");
        }
        default -> {}
      }
      return switch (type) {
        case "bool" -> value.equals("false");
        case "string" -> value.isEmpty();
        case "int", "uint", "uint16" -> GoParse.parseInt(value) == 0;
        case "bytes" -> GoParse.ramInBytes(value) == 0;
        case "decimal" -> GoParse.parseFloat(value) == 0;
        case "duration" -> GoParse.isZeroDuration(value);
        default -> false;
      };
    } catch (IllegalArgumentException e) {
      // A value that does not parse asks for nothing Berth can do either
      return false;
    }
  }

  /** docker's ParseRestartPolicy, for its words on a malformed policy; which policy is checked by {@link #check}. */
  private static void restartPolicy(Parsed p) throws Invalid {
    String policy = p.string("restart", "");
    String name = policy.indexOf(':') < 0 ? policy : policy.substring(0, policy.indexOf(':'));
    if (p.bool("rm") && !name.isEmpty() && !name.equals("no")) {
      throw new Invalid("conflicting options: cannot specify both --restart and --rm");
    }
    int colon = policy.indexOf(':');
    if (colon == 0) {
      throw new Invalid("invalid restart policy format: no policy provided before colon");
    }
    if (colon > 0 && colon < policy.length() - 1) {
      try {
        Long.parseLong(policy.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new Invalid("invalid restart policy format: maximum retry count must be an integer");
      }
    }
  }
}
