package io.berth.daemon.lifecycle;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.ContainerCreateResponse;
import io.berth.api.model.container.HostConfig;
import io.berth.common.Id;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.io.MoreFiles;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.container.EndpointRequest;
import io.berth.daemon.network.NetworkService;
import io.berth.daemon.network.PublishedPorts;
import io.berth.daemon.container.MountPoint;
import io.berth.daemon.volume.ContainerMounts;
import io.berth.daemon.volume.MountRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code POST /containers/create}: merges the image's config into the container's, as Docker does. */
final class Creator {
  private static final Pattern NAME = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
  static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final ContainerStore store;
  private final ImageAccess images;
  private final boolean bridge;
  private final String hostGateway;

  private final NetworkService networks;
  private final ContainerMounts mounts;
  private final io.berth.daemon.events.EventBus events;

  /** @param hostGateway the default bridge's address; null when berthd runs with {@code --bridge none} */
  Creator(ContainerStore store, ImageAccess images, String hostGateway, NetworkService networks,
      ContainerMounts mounts, io.berth.daemon.events.EventBus events) {
    this.events = events;
    this.mounts = mounts;
    this.store = store;
    this.images = images;
    this.networks = networks;
    this.bridge = hostGateway != null;
    this.hostGateway = hostGateway;
  }

  ContainerCreateResponse create(String name, ContainerConfig config, HostConfig host) {
    return create(name, config, host, Map.of());
  }

  ContainerCreateResponse create(String name, ContainerConfig config, HostConfig host,
      Map<String, io.berth.api.model.network.EndpointSettings> endpoints) {
    if (!name.isEmpty() && !NAME.matcher(name).matches()) {
      throw new InvalidParameterException("Invalid container name (" + name
          + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    if (config.image() == null || config.image().isEmpty()) {
      throw new InvalidParameterException("No image specified");
    }
    validate(config, host);
    if (host.oomScoreAdj() < -1000 || host.oomScoreAdj() > 1000) {
      throw new InvalidParameterException("Invalid value " + host.oomScoreAdj()
          + ", range for oom score adj is [-1000, 1000]");
    }
    var policy = host.restartPolicy();
    if (host.autoRemove() && policy != null && policy.name() != null && !policy.name().isEmpty()
        && !policy.name().equals("no")) {
      throw new InvalidParameterException("can't create 'AutoRemove' container with restart policy");
    }
    if ("host".equals(host.utsMode()) && config.hostname() != null && !config.hostname().isEmpty()) {
      throw new InvalidParameterException("conflicting options: hostname and the UTS mode");
    }
    checkUlimits(host.limits().ulimits(), io.berth.runtime.spec.Rlimits.host());
    SecurityOpts.validate(host.securityOpt());
    DeviceMappings.validate(host.limits().devices(), host.limits().deviceCgroupRules());
    ResourceChecks.Checked limits = ResourceChecks.check(host.limits(), ResourceChecks.host(), false);
    host = host.withResources(ResourceChecks.adaptNew(limits.resources()));
    if (host.pidMode() != null && host.pidMode().startsWith("container:")) {
      // by id, as dockerd keeps it: a rename of the other container does not break the join
      try {
        host = host.withPidMode("container:" + store.find(host.pidMode().substring("container:".length())).id());
      } catch (io.berth.common.error.NotFoundException e) {
        // left as given: the start says what is missing
      }
    }
    String mode = host.networkMode() == null ? "" : host.networkMode();
    if (mode.startsWith("container:")) {
      checkJoin(mode, config, host);
    }
    if (mode.isEmpty() || mode.equals("default")) {
      // stored as what it stands for, as dockerd 28 does; a record that says "default" was
      // written before Berth had a bridge, and keeps meaning none (Container)
      mode = bridge ? "bridge" : "none";
    }
    if (!mode.equals("none") && !mode.equals("host") && !mode.startsWith("container:")
        && !networks.attachableExists(mode)) {
      throw new io.berth.common.error.NotFoundException("network " + mode + " not found");
    }
    if (Boolean.TRUE.equals(config.networkDisabled()) && !mode.equals("host")) {
      mode = "none"; // a client's way of asking for no network
    }
    host = host.with(host.logConfig(), mode);
    EndpointRequest endpoint = endpointRequest(mode, endpoints);
    checkLinks(mode, host);
    PublishedPorts.validate(host);
    EtcFiles.validate(host);
    if (Boolean.TRUE.equals(host.init()) && !Files.isExecutable(SpecFactory.INIT_BINARY)) {
      throw new InvalidParameterException("--init needs " + SpecFactory.INIT_BINARY + " (Debian's package tini),"
          + " which this host does not have");
    }
    List<String> warnings = new ArrayList<>(limits.warnings());
    if ((mode.equals("none") || mode.equals("host")) && ((host.portBindings() != null && !host.portBindings().isEmpty())
        || host.publishAllPorts())) {
      // dockerd's warning for host; none has no address to publish on either
      warnings.add("Published ports are discarded when using " + (mode.equals("host") ? "host network mode"
          : "network mode " + mode));
    }
    ImageAccess.ResolvedImage image = images.resolve(config.image());
    ContainerConfig merged = merge(config, image);
    List<MountRequests.Planned> plan = mounts.requests().plan(volumesFrom(host), host.binds(), host.mounts(),
        host.tmpfs(), merged.volumes(), host.volumeDriver());
    List<String> cmdline = new ArrayList<>();
    if (merged.entrypoint() != null) {
      cmdline.addAll(merged.entrypoint());
    }
    if (merged.cmd() != null) {
      cmdline.addAll(merged.cmd());
    }
    if (cmdline.isEmpty()) {
      throw new InvalidParameterException("No command specified");
    }
    String id = Id.random();
    String finalName;
    if (name.isEmpty()) {
      finalName = Names.generate(n -> store.reserve(n, id));
    } else {
      finalName = name.replaceFirst("^/", "");
      if (!store.reserve(finalName, id)) {
        throw ContainerStore.nameInUse(finalName, store.nameHolder(finalName));
      }
    }
    try {
      return create(id, finalName, merged, host, image, mode, cmdline, warnings, endpoint, plan);
    } catch (RuntimeException e) {
      store.release(finalName, id);
      throw e;
    }
  }

  private ContainerCreateResponse create(String id, String finalName, ContainerConfig merged,
      HostConfig host, ImageAccess.ResolvedImage image, String mode, List<String> cmdline, List<String> warnings,
      EndpointRequest endpoint, List<MountRequests.Planned> plan) {
    if (merged.hostname() == null || merged.hostname().isEmpty()) {
      merged = withHostname(merged, mode.equals("host") || "host".equals(host.utsMode()) ? hostHostname()
          : Id.shortId(id));
    }
    if (host.links() != null && !host.links().isEmpty()) {
      host = host.withLinks(host.links().stream().map(l -> Links.Link.parse(l).stored(finalName)).toList());
    }
    var dir = store.dirFor(id);
    List<MountPoint> acquired = null;
    try {
      Files.createDirectories(dir);
      String embeddedDns = networks.isUserDefined(mode) ? networks.attachable(mode).subnet().gatewayAddress() : null;
      EtcFiles.writeAtCreate(dir, merged.hostname(), mode.equals("host"), host, hostGateway, embeddedDns);
      long t0 = System.nanoTime();
      ImageAccess.Rootfs rootfs = images.prepare(id, image.id());
      System.getLogger("berth.lifecycle").log(System.Logger.Level.DEBUG, "create {0}: rw layer {1} ms",
          id, (System.nanoTime() - t0) / 1_000_000);
      acquired = acquireMounts(id, plan, rootfs);
      Container created = new Container(id, finalName, Instant.now(), image.id(), cmdline.getFirst(),
          cmdline.subList(1, cmdline.size()), merged, host, new ContainerState.Created(0, ""), dir, endpoint, null,
          acquired, 0, false, null);
      store.add(created);
      events.container(created, "create", Map.of());
    } catch (IOException | RuntimeException e) {
      if (acquired != null) {
        mounts.release(id, acquired, true);
      }
      images.remove(id);
      try {
        MoreFiles.deleteRecursively(dir);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
    return new ContainerCreateResponse(id, warnings);
  }

  /** The container's anonymous volumes and the image's, as dockerd merges them. */
  private static Map<String, Object> volumes(Map<String, Object> own, Map<String, Object> image) {
    if (own == null || own.isEmpty()) {
      return image;
    }
    Map<String, Object> all = new LinkedHashMap<>(own);
    if (image != null) {
      image.forEach(all::putIfAbsent);
    }
    return all;
  }

  /**
   * The volumes of the plan, made or found and filled from the image where new; the root is
   * mounted for that only when some volume may need it.
   */
  private List<MountPoint> acquireMounts(String id, List<MountRequests.Planned> plan, ImageAccess.Rootfs rootfs) {
    if (!ContainerMounts.needsRootfs(plan) || plan.stream().filter(p -> p.point().isVolume())
        .noneMatch(p -> mayHave(rootfs, p.point().destination()))) {
      return mounts.acquire(id, plan, null);
    }
    Mounts.mount(rootfs);
    try {
      return mounts.acquire(id, plan, rootfs::merged);
    } finally {
      Mounts.unmount(rootfs.merged());
    }
  }

  /**
   * Whether the image may have something at the path: some layer has its first component. Mounting
   * the root to look costs a few milliseconds, spent only where a volume may be filled.
   */
  private static boolean mayHave(ImageAccess.Rootfs rootfs, String path) {
    String first = path.replaceFirst("^/+", "").split("/")[0];
    for (io.berth.common.Mount m : rootfs.mounts()) {
      for (String o : m.options()) {
        if (o.startsWith("lowerdir=")) {
          for (String lower : o.substring("lowerdir=".length()).split(":")) {
            if (Files.exists(java.nio.file.Path.of(lower, first), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              return true;
            }
          }
        }
      }
      if (!m.type().equals("overlay")) {
        return true; // not layers Berth can look into: mount and see
      }
    }
    return false;
  }

  /** The mounts of the {@code --volumes-from} containers, as this container inherits them. */
  private List<MountPoint> volumesFrom(HostConfig host) {
    List<MountPoint> out = new ArrayList<>();
    for (String spec : host.volumesFrom() == null ? List.<String>of() : host.volumesFrom()) {
      MountRequests.From from = MountRequests.volumesFrom(spec);
      Container source;
      try {
        source = store.find(from.container());
      } catch (io.berth.common.error.NotFoundException e) {
        throw new InvalidParameterException(e.getMessage());
      }
      source.mounts().forEach(m -> out.add(m.copied(from.readOnly())));
    }
    return out;
  }

  /** moby's checks of the values themselves, made before the image is looked up, as Docker does. */
  /**
   * Known names (go-units' words), soft within hard, and hard limits this host lets runc set: above
   * berthd's own hard limit only with CAP_SYS_RESOURCE, which berthd may not have.
   */
  static void checkUlimits(List<HostConfig.Ulimit> ulimits, io.berth.runtime.spec.Rlimits.Host host) {
    if (ulimits == null) {
      return;
    }
    for (HostConfig.Ulimit u : ulimits) {
      if (u.name() == null || !io.berth.runtime.spec.Rlimits.known(u.name())) {
        throw new InvalidParameterException("invalid ulimit type: " + u.name());
      }
      if (u.hard() != -1 && (u.soft() == -1 || u.soft() > u.hard())) {
        throw new InvalidParameterException("ulimit soft limit must be less than or equal to hard limit: "
            + (u.soft() == -1 ? "soft: -1 (unlimited), hard: " + u.hard() : u.soft() + " > " + u.hard()));
      }
      if (!host.allows(u.name(), u.hard())) {
        throw new InvalidParameterException("berth cannot set the " + u.name() + " ulimit's hard limit to "
            + (u.hard() == -1 ? "unlimited" : Long.toString(u.hard())) + ": this host's is " + host.max(u.name())
            + ", and berthd may not raise it (it lacks CAP_SYS_RESOURCE)");
      }
    }
  }

  static void validate(ContainerConfig c, HostConfig h) {
    var hc = c.healthcheck();
    if (hc != null) {
      // dockerd's validateHealthCheck: a millisecond at least, where given
      if (hc.interval() != 0 && hc.interval() < 1_000_000) {
        throw new InvalidParameterException("Interval in Healthcheck cannot be less than 1ms");
      }
      if (hc.timeout() != 0 && hc.timeout() < 1_000_000) {
        throw new InvalidParameterException("Timeout in Healthcheck cannot be less than 1ms");
      }
      if (hc.retries() < 0) {
        throw new InvalidParameterException("Retries in Healthcheck cannot be negative");
      }
      if (hc.startPeriod() != 0 && hc.startPeriod() < 1_000_000) {
        throw new InvalidParameterException("StartPeriod in Healthcheck cannot be less than 1ms");
      }
      if (hc.startInterval() != 0 && hc.startInterval() < 1_000_000) {
        throw new InvalidParameterException("StartInterval in Healthcheck cannot be less than 1ms");
      }
    }
    String wd = c.workingDir();
    if (wd != null && !wd.isEmpty() && !wd.startsWith("/")) {
      throw new InvalidParameterException("the working directory '" + wd
          + "' is invalid, it needs to be an absolute path");
    }
    if (c.env() != null) {
      for (String e : c.env()) {
        if (e == null || e.isEmpty() || e.startsWith("=")) {
          throw new InvalidParameterException("invalid environment variable: " + (e == null ? "" : e));
        }
      }
    }
    if (c.stopSignal() != null && !c.stopSignal().isEmpty()) {
      try {
        Signals.parse(c.stopSignal());
      } catch (InvalidParameterException e) {
        throw new InvalidParameterException("invalid signal: " + c.stopSignal());
      }
    }
    if (h.shmSize() < 0) {
      throw new InvalidParameterException("SHM size can not be less than 0");
    }
    if (h.oomScoreAdj() < -1000 || h.oomScoreAdj() > 1000) {
      throw new InvalidParameterException("Invalid value " + h.oomScoreAdj()
          + ", range for oom score adj is [-1000, 1000]");
    }
  }

  static ContainerConfig merge(ContainerConfig c, ImageAccess.ResolvedImage img) {
    // moby's rule: an entrypoint given (even [""]) drops the image's Cmd; null or [] keep it
    boolean userEntrypoint = c.entrypoint() != null && !c.entrypoint().isEmpty();
    List<String> entrypoint = c.entrypoint() != null ? clearEmpty(c.entrypoint()) : img.entrypoint();
    List<String> cmd = c.cmd() != null && !c.cmd().isEmpty() ? c.cmd()
        : userEntrypoint ? null : img.cmd();
    Map<String, String> env = new LinkedHashMap<>();
    for (List<String> list : java.util.Arrays.asList(img.env(), c.env())) {
      if (list != null) {
        for (String e : list) {
          int eq = e.indexOf('=');
          env.put(eq < 0 ? e : e.substring(0, eq), e);
        }
      }
    }
    env.putIfAbsent("PATH", DEFAULT_PATH);
    Map<String, String> labels = new LinkedHashMap<>();
    if (img.labels() != null) {
      labels.putAll(img.labels());
    }
    if (c.labels() != null) {
      labels.putAll(c.labels());
    }
    Map<String, Object> ports = c.exposedPorts() != null ? c.exposedPorts() : img.exposedPorts();
    return new ContainerConfig(c.hostname(), c.domainname() == null ? "" : c.domainname(),
        blank(c.user()) ? nz(img.user()) : c.user(), c.attachStdin(), c.attachStdout(),
        c.attachStderr(), ports, c.tty(), c.openStdin(), c.stdinOnce(),
        List.copyOf(env.values()), cmd, c.image(),
        volumes(c.volumes(), img.volumes()),
        blank(c.workingDir()) ? nz(img.workingDir()) : c.workingDir(), entrypoint, null,
        c.onBuild(), labels, blank(c.stopSignal()) ? emptyToNull(img.stopSignal()) : c.stopSignal(),
        c.stopTimeout(), c.shell(), health(c.healthcheck(), img.healthcheck()));
  }

  /** dockerd's merge: the container's health check, each unset part (empty, zero) from the image's. */
  static io.berth.api.model.image.ImageInspect.HealthConfig health(io.berth.api.model.image.ImageInspect.HealthConfig c,
      io.berth.api.model.image.ImageInspect.HealthConfig img) {
    if (c == null || img == null) {
      return c == null ? img : c;
    }
    return new io.berth.api.model.image.ImageInspect.HealthConfig(
        c.test() == null || c.test().isEmpty() ? img.test() : c.test(),
        c.interval() == 0 ? img.interval() : c.interval(), c.timeout() == 0 ? img.timeout() : c.timeout(),
        c.startPeriod() == 0 ? img.startPeriod() : c.startPeriod(),
        c.startInterval() == 0 ? img.startInterval() : c.startInterval(),
        c.retries() == 0 ? img.retries() : c.retries());
  }

  /** Legacy links: on the default bridge only, to containers that exist, as dockerd has them. */
  private void checkLinks(String mode, HostConfig host) {
    if (host.links() == null || host.links().isEmpty()) {
      return;
    }
    if (mode.equals("host")) {
      throw new InvalidParameterException("conflicting options: host type networking can't be used with links. "
          + "This would result in undefined behavior");
    }
    if (mode.startsWith("container:")) {
      throw new InvalidParameterException("conflicting options: container type network can't be used with links. "
          + "This would result in undefined behavior");
    }
    if (!mode.equals("bridge")) {
      throw new InvalidParameterException("berth does not support --link outside the default bridge yet");
    }
    for (String l : host.links()) {
      String child = Links.Link.parse(l).child();
      try {
        store.find(child);
      } catch (io.berth.common.error.NotFoundException e) {
        throw new InvalidParameterException("could not get container for " + child + ": " + e.getMessage());
      }
    }
  }

  /**
   * {@code --network container:<name|id>}: the container must exist, and nothing that belongs to
   * a network namespace of its own may be asked for, as dockerd refuses them.
   */
  private void checkJoin(String mode, ContainerConfig config, HostConfig host) {
    String ref = mode.substring("container:".length());
    if (ref.isEmpty()) {
      throw new InvalidParameterException("Invalid network mode: invalid container format container:<name|id>");
    }
    store.find(ref);
    if (config.hostname() != null && !config.hostname().isEmpty()) {
      throw new InvalidParameterException("conflicting options: hostname and the network mode");
    }
    if (host.dns() != null && !host.dns().isEmpty()) {
      throw new InvalidParameterException("conflicting options: dns and the network mode");
    }
    if (host.extraHosts() != null && !host.extraHosts().isEmpty()) {
      throw new InvalidParameterException("conflicting options: custom host-to-IP mapping and the network mode");
    }
    if ((host.portBindings() != null && !host.portBindings().isEmpty()) || host.publishAllPorts()) {
      throw new InvalidParameterException("conflicting options: port publishing and the container type network mode");
    }
    if (config.exposedPorts() != null && !config.exposedPorts().isEmpty()) {
      throw new InvalidParameterException("conflicting options: port exposing and the container type network mode");
    }
  }

  /**
   * The aliases and address asked for on the container's network, checked as dockerd checks
   * them: only on a user-defined network, an address only on a subnet the user chose.
   */
  private EndpointRequest endpointRequest(String mode, Map<String, io.berth.api.model.network.EndpointSettings> endpoints) {
    EndpointRequest asked = EndpointRequest.NONE;
    for (var e : endpoints.values()) {
      asked = requestOf(e);
    }
    if (asked.mac() != null && (mode.equals("none") || mode.equals("host"))) {
      throw new InvalidParameterException("conflicting options: mac-address and the network mode");
    }
    check(asked, networks.userNetwork(mode));
    return asked;
  }

  /** What an endpoint's settings ask for; what Berth does not do is refused. */
  static EndpointRequest requestOf(io.berth.api.model.network.EndpointSettings e) {
    if (e == null) {
      return EndpointRequest.NONE;
    }
    Object ipv4 = e.ipamConfig() == null ? null : e.ipamConfig().get("IPv4Address");
    for (String other : List.of("IPv6Address", "LinkLocalIPs")) {
      Object v = e.ipamConfig() == null ? null : e.ipamConfig().get(other);
      if (v != null && !v.toString().isEmpty() && !v.toString().equals("[]")) {
        throw new InvalidParameterException("berth does not support " + (other.equals("IPv6Address") ? "--ip6"
            : "--link-local-ip") + " yet");
      }
    }
    String mac = e.macAddress();
    if (mac != null && !mac.isEmpty() && !mac.matches("([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}")) {
      throw new InvalidParameterException("invalid MAC address " + mac);
    }
    return new EndpointRequest(e.aliases(), ipv4 == null ? null : ipv4.toString(), mac);
  }

  /** dockerd's checks: aliases and an address only on a user-defined network, an address on a subnet the user chose. */
  static void check(EndpointRequest asked, io.berth.daemon.network.UserNetwork user) {
    if (asked.aliases().isEmpty() && asked.ipv4() == null) {
      return;
    }
    List<String> errors = new ArrayList<>();
    if (user == null) {
      if (asked.ipv4() != null) {
        errors.add("user specified IP address is supported on user defined networks only");
      }
      if (!asked.aliases().isEmpty()) {
        errors.add("network-scoped alias is supported only for containers in user defined networks");
      }
    } else if (asked.ipv4() != null && user.addressProblem(asked.ipv4()) != null) {
      errors.add(user.addressProblem(asked.ipv4()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidParameterException("invalid endpoint settings:\n" + String.join("\n", errors));
    }
  }

  private static ContainerConfig withHostname(ContainerConfig c, String h) {
    return new ContainerConfig(h, c.domainname(), c.user(), c.attachStdin(), c.attachStdout(),
        c.attachStderr(), c.exposedPorts(), c.tty(), c.openStdin(), c.stdinOnce(), c.env(),
        c.cmd(), c.image(), c.volumes(), c.workingDir(), c.entrypoint(), c.networkDisabled(),
        c.onBuild(), c.labels(), c.stopSignal(), c.stopTimeout(), c.shell(), c.healthcheck());
  }

  static String hostHostname() {
    try {
      return Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** {@code --entrypoint ""} clears the image's entrypoint. */
  private static List<String> clearEmpty(List<String> l) {
    return l.size() == 1 && l.getFirst().isEmpty() ? null : l.isEmpty() ? null : l;
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s;
  }
}
