package io.berth.daemon.lifecycle;

import io.berth.api.model.container.HostConfig;
import io.berth.common.Id;
import io.berth.daemon.container.Container;
import io.berth.daemon.network.Endpoints;
import io.berth.runtime.spec.ContainerSpec;
import io.berth.runtime.spec.Spec;
import io.berth.runtime.spec.SpecGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a container into its OCI spec, writing the /etc files it bind-mounts. */
public final class SpecFactory {
  /** Debian's statically linked tini (package tini): it runs in any image, as docker-init does. */
  static final Path INIT_BINARY = Path.of("/usr/bin/tini-static");
  static final String INIT_TARGET = "/sbin/docker-init";
  /** Those of dockerd's sysctls for a network namespace of its own that this kernel has: asked once. */
  private static final Map<String, String> PRIVATE_NET_SYSCTLS = new TreeMap<>(Map.of(
      "net.ipv4.ip_unprivileged_port_start", "0", "net.ipv4.ping_group_range", "0 2147483647"));

  static {
    PRIVATE_NET_SYSCTLS.keySet().removeIf(k -> !Files.exists(Path.of("/proc/sys", k.split("\\."))));
  }
  private final SpecGenerator generator;

  public SpecFactory(SpecGenerator generator) {
    this.generator = generator;
  }

  /**
   * The network namespace of another container, joined ({@code --network container:<x>}), with
   * its hostname and /etc files, as dockerd shares them.
   */
  record Joined(String netns, String hostname, Path etcDir) {}

  /**
   * @param endpoint the container's place on the bridge, or null in the other modes
   * @param hostGateway the default bridge's address ({@code --add-host x:host-gateway}), or null
   * @param joined the container whose network namespace it joins, or null
   * @param links what its legacy links give it
   * @param mounts its volumes, binds and tmpfs mounts, prepared for this start
   * @param joinNs namespaces of other containers it joins, by kind ("pid"), as paths
   */
  Spec spec(Container c, Path rootfs, Endpoints.Endpoint endpoint, String hostGateway, Joined joined,
      Links.Resolved links, io.berth.daemon.volume.ContainerMounts.Prepared mounts, Map<String, String> joinNs) {
    var cfg = c.config();
    HostConfig h = c.hostConfig();
    boolean hostNet = c.networkMode().equals("host") || (joined != null && joined.netns().equals("host"));
    String hostname = joined != null ? joined.hostname()
        : cfg.hostname() == null || cfg.hostname().isEmpty() ? Id.shortId(c.id()) : cfg.hostname();
    Path etc = joined != null ? joined.etcDir() : c.dir();
    if (joined == null && !Files.exists(c.dir().resolve("resolv.conf"))) {
      EtcFiles.writeAtCreate(c.dir(), hostname, hostNet, h, hostGateway, null);
    }
    if (endpoint != null) {
      // the address may differ from the last run's: the file is made anew at each start, as dockerd does
      EtcFiles.writeHosts(c.dir(), EtcFiles.ownNames(hostname, cfg.domainname()), endpoint.address(), h, hostGateway,
          links.hosts());
    }
    List<String> env = new ArrayList<>();
    env.add("HOSTNAME=" + hostname);
    for (String e : cfg.env()) {
      if (!e.startsWith("HOSTNAME=") && e.contains("=")) {
        env.add(e);
      }
    }
    // link variables come after HOSTNAME and before the container's own, which win, as in dockerd
    List<String> linked = links.env().stream()
        .filter(e -> env.stream().noneMatch(x -> x.startsWith(e.substring(0, e.indexOf('=') + 1)))).toList();
    env.addAll(1, linked);
    if (cfg.tty() && env.stream().noneMatch(e -> e.startsWith("TERM="))) {
      env.add("TERM=xterm");
    }
    List<String> args = new ArrayList<>();
    List<io.berth.runtime.spec.Spec.Mount> initMount = List.of();
    if (Boolean.TRUE.equals(h.init())) {
      // as dockerd's docker-init: a static tini bound read-only, the command after "--"
      args.addAll(List.of(INIT_TARGET, "--"));
      initMount = List.of(new Spec.Mount(INIT_TARGET, "bind", INIT_BINARY.toString(), List.of("bind", "ro")));
    }
    args.add(c.path());
    args.addAll(c.args());
    String cwd = cfg.workingDir() == null || cfg.workingDir().isEmpty() ? "/" : cfg.workingDir();
    makeWorkdir(rootfs, cwd);
    // dockerd's defaults for a namespace of the container's own: ports below 1024 and ping
    // without capabilities
    Map<String, String> sysctls = new TreeMap<>();
    if (!hostNet && joined == null) {
      sysctls.putAll(PRIVATE_NET_SYSCTLS);
    }
    if (h.sysctls() != null) {
      // the container's own over the defaults, as dockerd merges them; runc refuses those of
      // namespaces the container does not have, in its words
      sysctls.putAll(h.sysctls());
    }
    String domain = cfg.domainname() == null ? "" : cfg.domainname();
    List<DeviceMappings.Mapped> devices = DeviceMappings.map(h.limits().devices());
    List<io.berth.runtime.spec.Spec.DeviceRule> deviceRules = new java.util.ArrayList<>();
    devices.forEach(d -> deviceRules.add(d.rule()));
    for (String r : h.limits().deviceCgroupRules() == null ? List.<String>of() : h.limits().deviceCgroupRules()) {
      deviceRules.add(DeviceMappings.rule(r));
    }
    var input = new ContainerSpec(c.id(), hostname, domain, rootfs, args, env, cwd,
        UserResolver.withGroups(UserResolver.resolve(rootfs, cfg.user()), rootfs, h.groupAdd()), cfg.tty(), consoleSize(h), h.privileged(), h.readonlyRootfs(),
        hostNet ? "host" : joined != null ? joined.netns() : endpoint == null ? "" : endpoint.netns(), nz(h.capAdd()),
        nz(h.capDrop()), h.shmSize(),
        Map.of("/etc/hostname", etc.resolve("hostname"), "/etc/hosts", etc.resolve("hosts"),
            "/etc/resolv.conf", etc.resolve("resolv.conf")),
        java.util.stream.Stream.concat(initMount.stream(), mounts.mounts().stream()
            .map(m -> new Spec.Mount(m.destination(), m.type(), m.source(), m.options()))).toList(),
        mounts.rootfsPropagation(), sysctls, Map.of("io.berth.container.name", c.name()), limits(h),
        ulimits(h), noNewPrivileges(h), seccomp(h), hostNamespaces(h),
        devices.stream().map(DeviceMappings.Mapped::device).toList(), deviceRules, joinNs);
    return generator.generate(input);
  }

  /** The container's ulimits as OCI rlimits (checked at create: known names, within the host's reach). */
  static List<io.berth.runtime.spec.Spec.Rlimit> ulimits(io.berth.api.model.container.HostConfig h) {
    var u = h.limits().ulimits();
    return u == null ? List.of() : u.stream().map(x -> new io.berth.runtime.spec.Spec.Rlimit(
        io.berth.runtime.spec.Rlimits.type(x.name()), x.hard(), x.soft())).toList();
  }

  /** {@code --pid host}, {@code --ipc host}, {@code --uts host}: namespaces the container does not get. */
  static java.util.Set<String> hostNamespaces(io.berth.api.model.container.HostConfig h) {
    java.util.Set<String> out = new java.util.HashSet<>();
    if ("host".equals(h.pidMode())) {
      out.add("pid");
    }
    if ("host".equals(h.ipcMode())) {
      out.add("ipc");
    }
    if ("host".equals(h.utsMode())) {
      out.add("uts");
    }
    return out;
  }

  private static volatile com.fasterxml.jackson.databind.JsonNode defaultSeccomp;

  /**
   * The container's seccomp profile: none when privileged or {@code seccomp=unconfined}, its own
   * when given ({@code seccomp=<json>}, as the CLI sends a file's content), else the default.
   */
  static com.fasterxml.jackson.databind.JsonNode seccomp(io.berth.api.model.container.HostConfig h) {
    if (h.privileged()) {
      return null;
    }
    var own = SecurityOpts.seccomp(h.securityOpt());
    if (own.isPresent()) {
      return own.get().isNull() ? null : own.get();
    }
    var d = defaultSeccomp;
    if (d == null) {
      try {
        d = io.berth.runtime.spec.Seccomp.loadDefault(io.berth.runtime.spec.Seccomp.DEFAULT_PROFILE);
      } catch (java.io.IOException e) {
        throw new io.berth.common.error.SystemException("berth's default seccomp profile needs "
            + io.berth.runtime.spec.Seccomp.DEFAULT_PROFILE + " (Debian's golang-github-containers-common), which"
            + " cannot be read: " + e.getMessage() + "; --security-opt seccomp=unconfined runs without one");
      }
      defaultSeccomp = d;
    }
    return d;
  }

  /** {@code --security-opt no-new-privileges[=true|:true]}: the last such option decides, as in dockerd. */
  static boolean noNewPrivileges(io.berth.api.model.container.HostConfig h) {
    boolean on = false;
    for (String o : h.securityOpt() == null ? List.<String>of() : h.securityOpt()) {
      java.util.Optional<Boolean> v = SecurityOpts.noNewPrivileges(o);
      if (v.isPresent()) {
        on = v.get();
      }
    }
    return on;
  }

  /** The container's limits as runc applies them: {@code --cpus} as dockerd turns it into a quota of a 100 ms period. */
  static io.berth.runtime.spec.Limits limits(io.berth.api.model.container.HostConfig h) {
    return limits(h.limits(), h.oomScoreAdj());
  }

  /** As above, of {@code r} alone (an update's changes). */
  static io.berth.runtime.spec.Limits limits(io.berth.api.model.container.Resources r, int oomScoreAdj) {
    long period = r.cpuPeriod();
    long quota = r.cpuQuota();
    if (r.nanoCpus() > 0) {
      period = 100_000;
      quota = r.nanoCpus() * period / 1_000_000_000L;
    }
    return new io.berth.runtime.spec.Limits(r.memory(), r.memoryReservation(), r.memorySwap(), r.memorySwappiness(),
        r.oomKillDisable(), r.cpuShares(), quota, period, r.cpusetCpus(), r.cpusetMems(), r.pidsLimit(),
        oomScoreAdj);
  }

  /** The client's terminal at create ({@code ConsoleSize}, API 1.42): the container's starts that size. */
  private static Spec.Box consoleSize(HostConfig h) {
    List<Integer> size = h.consoleSize();
    if (size == null || size.size() != 2 || size.get(0) == null || size.get(1) == null
        || (size.get(0) == 0 && size.get(1) == 0)) {
      return null;
    }
    return new Spec.Box(size.get(0), size.get(1));
  }

  private static List<String> nz(List<String> l) {
    return l == null ? List.of() : l;
  }

  /** Docker creates a missing working directory; a symlinked path is left to runc to refuse. */
  private static void makeWorkdir(Path rootfs, String cwd) {
    Path p = rootfs;
    for (String part : cwd.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        continue;
      }
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        return;
      }
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(p);
        } catch (IOException e) {
          return;
        }
      }
    }
  }
}
