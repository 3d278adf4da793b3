package io.berth.daemon.query;

import io.berth.api.model.container.ContainerInspect;
import io.berth.api.model.container.ContainerSummary;
import io.berth.common.HumanDuration;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Renders containers as Docker's wire records: the one place Docker's booleans come from. */
public final class ContainerViews {
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final DateTimeFormatter NANOS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

  private ContainerViews() {}

  public static String time(Instant t) {
    return t == null || t.equals(Instant.EPOCH) ? ZERO_TIME : NANOS.format(t);
  }

  /** Path and arguments, an argument with a space in single quotes, as dockerd lists them. */
  static String command(Container c) {
    StringBuilder sb = new StringBuilder(c.path());
    for (String a : c.args()) {
      sb.append(' ').append(a.contains(" ") ? "'" + a + "'" : a);
    }
    return sb.toString();
  }

  private static ContainerInspect.Health health(Container c) {
    var h = c.health();
    if (h == null || !c.config().healthchecked()) {
      return null;
    }
    return new ContainerInspect.Health(h.status(), h.failingStreak(), h.log().stream().map(r ->
        new ContainerInspect.HealthResult(time(java.time.Instant.parse(r.start())), time(java.time.Instant.parse(r.end())),
            r.exitCode(), r.output())).toList());
  }

  /** dockerd's health words after "Up ...": none for a container without checks. */
  private static String healthText(Container c) {
    var h = c.health();
    if (h == null || !c.config().healthchecked()) {
      return "";
    }
    return switch (h.status()) {
      case "starting" -> " (health: starting)";
      case "healthy" -> " (healthy)";
      case "unhealthy" -> " (unhealthy)";
      default -> "";
    };
  }

  /** The {@code Status} column: {@code Up 3 seconds}, {@code Exited (0) 2 minutes ago}. */
  static String status(Container c, Instant now) {
    return switch (c.state()) {
      case ContainerState.Created _ -> "Created";
      case ContainerState.Running r -> "Up " + HumanDuration.of(Duration.between(r.startedAt(), now))
          + (r.paused() ? " (Paused)" : healthText(c));
      case ContainerState.Exited e -> e.startedAt().equals(Instant.EPOCH)
          ? "Exited (" + e.exitCode() + ")"
          : "Exited (" + e.exitCode() + ") " + HumanDuration.of(Duration.between(e.finishedAt(), now)) + " ago";
      case ContainerState.Restarting r -> "Restarting (" + r.exitCode() + ") "
          + HumanDuration.of(Duration.between(r.finishedAt(), now)) + " ago";
      case ContainerState.Removing _ -> "Removal In Progress";
      case ContainerState.Dead _ -> "Dead";
    };
  }

  public static ContainerSummary summary(Container c, Instant now) {
    return summary(c, now, null, null);
  }

  /** With {@code SizeRw}/{@code SizeRootFs} when the client asked for sizes (null: left out). */
  public static ContainerSummary summary(Container c, Instant now, Long sizeRw, Long sizeRootFs) {
    return summary(c, now, sizeRw, sizeRootFs, Map.of(), List.of());
  }

  /** As above, with the container's endpoints by network name and its ports. */
  public static ContainerSummary summary(Container c, Instant now, Long sizeRw, Long sizeRootFs,
      Map<String, Object> networks, List<Object> ports) {
    return new ContainerSummary(c.id(), List.of("/" + c.name()), c.config().image(), c.imageId(),
        command(c), c.created().getEpochSecond(), ports,
        c.config().labels() == null ? Map.of() : c.config().labels(), c.state().status(),
        status(c, now), new ContainerSummary.SummaryHostConfig(c.networkMode()),
        new ContainerSummary.SummaryNetworkSettings(networks), mounts(c), sizeRw, sizeRootFs);
  }

  public static ContainerInspect inspect(Container c, String graphDir) {
    return inspect(c, graphDir, new ContainerInspect.NetworkSettings("", "", "", Map.of(), Map.of()));
  }

  /** As above, with the container's endpoints by network name. */
  public static ContainerInspect inspect(Container c, String graphDir, ContainerInspect.NetworkSettings network) {
    var s = c.state();
    long pid = s instanceof ContainerState.Running r ? r.pid() : 0;
    // dockerd shows a container between runs of its restart policy as running and restarting
    var state = new ContainerInspect.State(s.status(), s.running() || s.restarting(), s.paused(), s.restarting(),
        s.oomKilled(),
        s instanceof ContainerState.Dead,
        pid, s.exitCode(), s.error(), time(s.startedAt()), time(s.finishedAt()), health(c));
    var hc = c.hostConfig();
    var log = hc.logConfig() == null || hc.logConfig().type() == null || hc.logConfig().type().isEmpty()
        ? new io.berth.api.model.container.HostConfig.LogConfig("k8s-file", Map.of())
        : hc.logConfig();
    hc = withLog(hc, log, c.networkMode());
    return new ContainerInspect(c.id(), time(c.created()), c.path(), c.args(), state, c.imageId(),
        c.dir().resolve("resolv.conf").toString(), c.dir().resolve("hostname").toString(),
        c.dir().resolve("hosts").toString(), c.logPath().toString(), "/" + c.name(), c.restartCount(), "overlay",
        "linux", "", "", "", null, hc,
        new ContainerInspect.GraphDriver("overlay", Map.of("MergedDir", graphDir + "/merged",
            "UpperDir", graphDir + "/diff", "WorkDir", graphDir + "/work")),
        mounts(c), c.config(),
        network);
  }

  /** dockerd's MountPoint objects: Type, Name and Driver left out when empty. */
  static List<Object> mounts(Container c) {
    List<Object> out = new java.util.ArrayList<>();
    for (var m : c.mounts()) {
      Map<String, Object> o = new java.util.LinkedHashMap<>();
      o.put("Type", m.type());
      if (!m.name().isEmpty()) {
        o.put("Name", m.name());
      }
      o.put("Source", m.source());
      o.put("Destination", m.destination());
      if (!m.driver().isEmpty()) {
        o.put("Driver", m.driver());
      }
      o.put("Mode", m.mode());
      o.put("RW", m.rw());
      o.put("Propagation", m.propagation());
      out.add(o);
    }
    return out;
  }

  private static io.berth.api.model.container.HostConfig withLog(
      io.berth.api.model.container.HostConfig h, io.berth.api.model.container.HostConfig.LogConfig l,
      String networkMode) {
    return new io.berth.api.model.container.HostConfig(h.binds(), h.containerIdFile(), l,
        networkMode,
        h.portBindings(), h.restartPolicy() == null
            ? new io.berth.api.model.container.HostConfig.RestartPolicy("no", 0) : h.restartPolicy(),
        h.autoRemove(), h.volumeDriver(), h.volumesFrom(), h.consoleSize(), h.capAdd(), h.capDrop(),
        h.cgroupnsMode(), h.dns(), h.dnsOptions(), h.dnsSearch(), h.extraHosts(), h.groupAdd(),
        h.ipcMode(), h.cgroup(), h.links(), h.oomScoreAdj(), h.pidMode(), h.privileged(),
        h.publishAllPorts(), h.readonlyRootfs(), h.securityOpt(), h.tmpfs(), h.utsMode(),
        h.usernsMode(), h.shmSize() == 0 ? 64L << 20 : h.shmSize(), h.sysctls(), h.runtime() == null || h.runtime().isEmpty() ? "runc" : h.runtime(),
        h.isolation(), h.limits(), h.mounts(), h.maskedPaths(), h.readonlyPaths(), h.init());
  }
}
