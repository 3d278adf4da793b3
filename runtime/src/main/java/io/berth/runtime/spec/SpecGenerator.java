package io.berth.runtime.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Docker's default security baseline as an OCI spec: a pure function of {@link ContainerSpec}. */
public final class SpecGenerator {
  /** Docker's default capability set. */
  public static final List<String> DEFAULT_CAPS =
      List.of(
          "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
          "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
          "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

  static final List<String> MASKED =
      List.of(
          "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
          "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
          "/sys/firmware", "/sys/devices/virtual/powercap");
  static final List<String> READONLY =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  private final Set<String> hostCaps;
  private final long nofileHard;

  /**
   * @param hostCaps capabilities in this host's bounding set: nothing above them is granted
   * @param nofileHard the daemon's hard RLIMIT_NOFILE: containers get at most that
   */
  public SpecGenerator(Set<String> hostCaps, long nofileHard) {
    this.hostCaps = Set.copyOf(hostCaps);
    this.nofileHard = nofileHard;
  }

  public Spec generate(ContainerSpec c) {
    List<String> caps = capabilities(c);
    var process =
        new Spec.Process(
            c.tty(),
            c.user(),
            c.args(),
            c.env(),
            c.cwd().isEmpty() ? "/" : c.cwd(),
            new Spec.Capabilities(caps, caps, caps, List.of()),
            rlimits(c),
            c.noNewPrivileges(),
            c.limits().oomScoreAdj() == 0 ? null : c.limits().oomScoreAdj(),
            c.tty() ? c.consoleSize() : null);
    List<Spec.Namespace> ns = new ArrayList<>();
    for (String t : List.of("pid", "ipc", "uts", "mount")) {
      if (!c.hostNamespaces().contains(t)) {
        ns.add(new Spec.Namespace(t, c.joinedNamespaces().get(t)));
      }
    }
    if (!c.netns().equals("host")) {
      ns.add(new Spec.Namespace("network", c.netns().isEmpty() ? null : c.netns()));
    }
    Map<String, String> sysctl = new TreeMap<>(c.sysctls());
    if (!c.domainname().isEmpty()) {
      sysctl.put("kernel.domainname", c.domainname());
    }
    var linux =
        new Spec.Linux(
            ns,
            new Spec.Resources(deviceRules(c), c.limits().memoryResources(), c.limits().cpuResources(),
                c.limits().pidsResources()),
            "/berth/" + c.id(),
            c.privileged() ? List.of() : MASKED,
            c.privileged() ? List.of() : READONLY,
            sysctl.isEmpty() ? null : sysctl,
            c.rootfsPropagation(),
            c.seccompProfile() == null ? null : Seccomp.toOci(c.seccompProfile(), caps, goArch(),
                System.getProperty("os.version")),
            c.devices().isEmpty() ? null : c.devices());
    return new Spec(
        "1.0.2-dev",
        process,
        new Spec.Root(c.rootfs().toString(), c.readonlyRootfs()),
        c.hostNamespaces().contains("uts") ? null : c.hostname(),
        mounts(c),
        linux,
        new TreeMap<>(c.annotations()));
  }

  private static String goArch() {
    String a = System.getProperty("os.arch");
    return switch (a) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> a;
    };
  }

  /** The daemon's open-files default (its own hard limit), replaced or joined by the container's ulimits. */
  private List<Spec.Rlimit> rlimits(ContainerSpec c) {
    Map<String, Spec.Rlimit> out = new java.util.LinkedHashMap<>();
    out.put("RLIMIT_NOFILE", new Spec.Rlimit("RLIMIT_NOFILE", nofileHard, nofileHard));
    for (Spec.Rlimit r : c.ulimits()) {
      out.put(r.type(), r);
    }
    return List.copyOf(out.values());
  }

  /**
   * Docker's TweakCapabilities: adding ALL grants everything but the drops; otherwise dropping
   * ALL leaves only the adds; otherwise the defaults lose the drops and then gain the adds.
   */
  List<String> capabilities(ContainerSpec c) {
    Set<String> caps = new LinkedHashSet<>();
    if (c.privileged()) {
      caps.addAll(hostCaps);
    } else {
      Set<String> add = new LinkedHashSet<>();
      c.capAdd().forEach(a -> add.add(a.equalsIgnoreCase("ALL") ? "ALL" : normalise(a)));
      Set<String> drop = new LinkedHashSet<>();
      c.capDrop().forEach(d -> drop.add(d.equalsIgnoreCase("ALL") ? "ALL" : normalise(d)));
      if (add.remove("ALL")) {
        caps.addAll(hostCaps);
        caps.removeAll(drop);
      } else if (drop.contains("ALL")) {
        caps.addAll(add);
      } else {
        caps.addAll(DEFAULT_CAPS);
        caps.removeAll(drop);
        caps.addAll(add);
      }
    }
    caps.retainAll(hostCaps);
    return List.copyOf(caps);
  }

  static String normalise(String cap) {
    String u = cap.toUpperCase(Locale.ROOT);
    return u.startsWith("CAP_") ? u : "CAP_" + u;
  }

  private static List<Spec.Mount> mounts(ContainerSpec c) {
    List<Spec.Mount> defaults = new ArrayList<>();
    defaults.add(new Spec.Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
    defaults.add(new Spec.Mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
    defaults.add(new Spec.Mount("/dev/pts", "devpts", "devpts",
        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")));
    defaults.add(new Spec.Mount("/sys", "sysfs", "sysfs",
        List.of("nosuid", "noexec", "nodev", c.privileged() ? "rw" : "ro")));
    defaults.add(new Spec.Mount("/sys/fs/cgroup", "cgroup", "cgroup",
        List.of("ro", "nosuid", "noexec", "nodev")));
    defaults.add(new Spec.Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
    long shm = c.shmSize() > 0 ? c.shmSize() : 64L << 20;
    // with the host's IPC namespace comes the host's shared memory, as dockerd binds it
    defaults.add(c.hostNamespaces().contains("ipc")
        ? new Spec.Mount("/dev/shm", "bind", "/dev/shm", List.of("rbind", "rprivate"))
        : new Spec.Mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=" + shm)));
    Set<String> own = new java.util.HashSet<>();
    c.mounts().forEach(m -> own.add(m.destination()));
    // a mount of the container's own replaces the default of its destination (all of /dev's with /dev)
    List<Spec.Mount> m = new ArrayList<>(defaults.stream().filter(d -> !own.contains(d.destination())
        && !(own.contains("/dev") && d.destination().startsWith("/dev/"))).toList());
    List<Spec.Mount> placed = new ArrayList<>();
    for (Map.Entry<String, java.nio.file.Path> e : new TreeMap<>(c.etcFiles()).entrySet()) {
      if (!own.contains(e.getKey())) {
        placed.add(new Spec.Mount(e.getKey(), "bind", e.getValue().toString(), List.of("rbind", "rprivate")));
      }
    }
    placed.addAll(c.mounts());
    // parents before what is mounted inside them
    placed.sort(java.util.Comparator.comparingLong(x -> x.destination().chars().filter(ch -> ch == '/').count()));
    m.addAll(placed);
    return m;
  }

  /** Docker's default device rules, then the container's own (its devices' and its --device-cgroup-rule). */
  private static List<Spec.DeviceRule> deviceRules(ContainerSpec c) {
    List<Spec.DeviceRule> out = new ArrayList<>(devices(c.privileged()));
    out.addAll(c.deviceRules());
    return out;
  }

  private static List<Spec.DeviceRule> devices(boolean privileged) {
    if (privileged) {
      return List.of(new Spec.DeviceRule(true, null, null, null, "rwm"));
    }
    return List.of(
        new Spec.DeviceRule(false, null, null, null, "rwm"),
        new Spec.DeviceRule(true, "c", null, null, "m"),
        new Spec.DeviceRule(true, "b", null, null, "m"),
        new Spec.DeviceRule(true, "c", 1L, 3L, "rwm"),
        new Spec.DeviceRule(true, "c", 1L, 5L, "rwm"),
        new Spec.DeviceRule(true, "c", 1L, 7L, "rwm"),
        new Spec.DeviceRule(true, "c", 1L, 8L, "rwm"),
        new Spec.DeviceRule(true, "c", 1L, 9L, "rwm"),
        new Spec.DeviceRule(true, "c", 5L, 0L, "rwm"),
        new Spec.DeviceRule(true, "c", 5L, 1L, "rwm"),
        new Spec.DeviceRule(true, "c", 5L, 2L, "rwm"),
        new Spec.DeviceRule(true, "c", 136L, null, "rwm"),
        new Spec.DeviceRule(true, "c", 10L, 200L, "rwm"));
  }
}
