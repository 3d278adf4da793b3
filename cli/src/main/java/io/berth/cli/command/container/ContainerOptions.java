package io.berth.cli.command.container;

import io.berth.cli.flags.GoParse;
import io.berth.cli.flags.Parsed;
import io.berth.cli.flags.UsageError;
import io.berth.client.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flags {@code run} and {@code create} share, and the create request they turn into. The
 * request carries the Config fields at top level plus HostConfig and NetworkingConfig, as
 * docker's client sends it.
 */
final class ContainerOptions {
  /** A flag value or file that cannot become a request; docker reports these with a help hint. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  private ContainerOptions() {}

  /**
   * Builds the create body; {@code detach} clears the attach fields as docker run -d does. Written
   * field by field rather than data-bound: this runs on every {@code run}, and Jackson's set-up
   * would cost more than the rest of the command's start-up. Config fields come in docker's order;
   * optional ones only when asked for.
   */
  static byte[] body(Parsed p, Map<String, String> env, boolean detach) throws Invalid {
    List<String> args = p.args();
    boolean stdin = p.bool("interactive");
    Map<String, List<String[]>> published = publishedPorts(p);
    Set<String> exposed = new TreeSet<>(exposedPorts(p));
    exposed.addAll(published.keySet());
    List<String> environment = env(p, env);
    Map<String, String> labels = labels(p);
    long shmSize = p.bytes("shm-size", 0);
    MountFlags.Volumes volumes = MountFlags.volumes(p.list("volume"));
    long stopTimeout = p.int64("stop-timeout", 0);
    JsonWriter b = new JsonWriter().beginObject()
        .member("Hostname", p.string("hostname", ""))
        .member("Domainname", p.string("domainname", ""))
        .member("User", p.string("user", ""))
        .member("AttachStdin", !detach && stdin)
        .member("AttachStdout", !detach)
        .member("AttachStderr", !detach);
    if (!exposed.isEmpty()) {
      b.name("ExposedPorts").beginObject();
      for (String port : exposed) {
        b.name(port).beginObject().endObject();
      }
      b.endObject();
    }
    b.member("Tty", p.bool("tty"))
        .member("OpenStdin", stdin)
        .member("StdinOnce", !detach && stdin);
    b.name("Env").array(environment);
    b.name("Cmd").array(args.size() > 1 ? args.subList(1, args.size()) : null);
    long[] health = ResourceFlags.health(p);
    if (p.bool("no-healthcheck")) {
      b.name("Healthcheck").beginObject().name("Test").array(List.of("NONE")).endObject();
    } else if (health != null) {
      b.name("Healthcheck").beginObject();
      if (!p.string("health-cmd", "").isEmpty()) {
        b.name("Test").array(List.of("CMD-SHELL", p.string("health-cmd", "")));
      }
      b.name("Interval").value(health[0]).name("Timeout").value(health[1]).name("StartPeriod").value(health[2])
          .name("StartInterval").value(health[3]).name("Retries").value(health[4]).endObject();
    }
    b.member("Image", args.getFirst());
    if (!volumes.anonymous().isEmpty()) {
      b.name("Volumes").beginObject();
      for (String v : volumes.anonymous()) {
        b.name(v).beginObject().endObject();
      }
      b.endObject();
    }
    b.member("WorkingDir", p.string("workdir", ""));
    // One element, unsplit, as docker does; an empty value resets the image's entrypoint.
    b.name("Entrypoint").array(p.changed("entrypoint") ? List.of(p.string("entrypoint", "")) : null);
    b.name("Labels").beginObject();
    for (Map.Entry<String, String> l : labels.entrySet()) {
      b.member(l.getKey(), l.getValue());
    }
    b.endObject();
    String stopSignal = p.string("stop-signal", "");
    if (!stopSignal.isEmpty()) {
      b.member("StopSignal", stopSignal);
    }
    if (p.changed("stop-timeout")) {
      b.name("StopTimeout").value(stopTimeout);
    }
    b.name("HostConfig").beginObject();
    nonEmpty(b, "Binds", volumes.binds());
    int[] size = p.bool("tty") && io.berth.cli.Terminal.isTty(1) ? io.berth.cli.Terminal.size() : null;
    if (size != null) {
      // the container's terminal starts at the client's size, as docker's client asks
      b.name("ConsoleSize").beginArray().value(size[0]).value(size[1]).endArray();
    }
    b.member("AutoRemove", p.bool("rm"));
    optional(b, "VolumeDriver", p.string("volume-driver", ""));
    nonEmpty(b, "VolumesFrom", p.list("volumes-from"));
    String network = p.string("network", p.string("net", null));
    if (network != null) {
      b.member("NetworkMode", network);
    }
    if (!published.isEmpty()) {
      b.name("PortBindings").beginObject();
      for (Map.Entry<String, List<String[]>> e : published.entrySet()) {
        b.name(e.getKey()).beginArray();
        for (String[] binding : e.getValue()) {
          b.beginObject().member("HostIp", binding[0]).member("HostPort", binding[1]).endObject();
        }
        b.endArray();
      }
      b.endObject();
    }
    if (p.bool("publish-all")) {
      b.member("PublishAllPorts", true);
    }
    List<String> dns = new ArrayList<>();
    for (String d : p.list("dns")) {
      if (!validIp(d.strip())) {
        throw new Invalid("invalid argument \"" + d + "\" for \"--dns\" flag: IP address is not correctly formatted: " + d);
      }
      dns.add(d.strip());
    }
    nonEmpty(b, "Dns", dns);
    List<String> dnsOptions = new ArrayList<>(p.list("dns-option"));
    dnsOptions.addAll(p.list("dns-opt"));
    nonEmpty(b, "DnsOptions", dnsOptions);
    for (String d : p.list("dns-search")) {
      if (!d.equals(".") && (d.length() > 255 || !d.matches("(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\\.)*"
          + "([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])"))) {
        throw new Invalid("invalid argument \"" + d + "\" for \"--dns-search\" flag: " + d + " is not a valid domain");
      }
    }
    nonEmpty(b, "DnsSearch", p.list("dns-search"));
    nonEmpty(b, "ExtraHosts", extraHosts(p));
    for (String link : p.list("link")) {
      String[] parts = link.split(":", -1);
      if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
        throw new Invalid("invalid argument \"" + link + "\" for \"--link\" flag: bad format for links: " + link);
      }
    }
    nonEmpty(b, "Links", p.list("link"));
    optional(b, "ContainerIDFile", p.string("cidfile", ""));
    if (!p.string("restart", "").isEmpty()) {
      String policy = p.string("restart", "");
      int colon = policy.indexOf(':');
      long retries = colon < 0 || colon == policy.length() - 1 ? 0 : Long.parseLong(policy.substring(colon + 1));
      b.name("RestartPolicy").beginObject().member("Name", colon < 0 ? policy : policy.substring(0, colon))
          .name("MaximumRetryCount").value(retries).endObject();
    }
    List<String> capAdd = capabilities(p.list("cap-add"));
    if (capAdd != null) {
      b.name("CapAdd").array(capAdd);
    }
    List<String> capDrop = capabilities(p.list("cap-drop"));
    if (capDrop != null) {
      b.name("CapDrop").array(capDrop);
    }
    optional(b, "CgroupnsMode", p.string("cgroupns", ""));
    optional(b, "IpcMode", p.string("ipc", ""));
    optional(b, "PidMode", p.string("pid", ""));
    optional(b, "UTSMode", p.string("uts", ""));
    if (p.bool("privileged")) {
      b.member("Privileged", true);
    }
    if (p.changed("init")) {
      b.member("Init", p.bool("init"));
    }
    List<long[]> ulimitValues = new ArrayList<>();
    List<String> ulimitNames = new ArrayList<>();
    for (Map.Entry<String, long[]> u : ResourceFlags.ulimits(p).entrySet()) {
      ulimitNames.add(u.getKey());
      ulimitValues.add(u.getValue());
    }
    if (!ulimitNames.isEmpty()) {
      b.name("Ulimits").beginArray();
      for (int i = 0; i < ulimitNames.size(); i++) {
        b.beginObject().member("Name", ulimitNames.get(i)).name("Hard").value(ulimitValues.get(i)[1])
            .name("Soft").value(ulimitValues.get(i)[0]).endObject();
      }
      b.endArray();
    }
    nonEmpty(b, "SecurityOpt", ResourceFlags.securityOpts(p));
    nonEmpty(b, "GroupAdd", p.list("group-add"));
    List<String[]> devices = ResourceFlags.devices(p);
    if (!devices.isEmpty()) {
      b.name("Devices").beginArray();
      for (String[] d : devices) {
        b.beginObject().member("PathOnHost", d[0]).member("PathInContainer", d[1]).member("CgroupPermissions", d[2])
            .endObject();
      }
      b.endArray();
    }
    nonEmpty(b, "DeviceCgroupRules", p.list("device-cgroup-rule"));
    Map<String, String> sysctls = ResourceFlags.sysctls(p);
    if (!sysctls.isEmpty()) {
      b.name("Sysctls").beginObject();
      sysctls.forEach(b::member);
      b.endObject();
    }
    for (Map.Entry<String, Object> e : ResourceFlags.limits(p).entrySet()) {
      if (e.getValue() instanceof String v) {
        b.member(e.getKey(), v);
      } else if (e.getValue() instanceof Boolean v) {
        b.member(e.getKey(), v);
      } else {
        b.name(e.getKey()).value(((Number) e.getValue()).longValue());
      }
    }
    if (p.bool("read-only")) {
      b.member("ReadonlyRootfs", true);
    }
    if (p.changed("shm-size")) {
      b.name("ShmSize").value(shmSize);
    }
    Map<String, String> tmpfs = MountFlags.tmpfs(p.list("tmpfs"));
    if (!tmpfs.isEmpty()) {
      b.name("Tmpfs").beginObject();
      for (Map.Entry<String, String> t : tmpfs.entrySet()) {
        b.member(t.getKey(), t.getValue());
      }
      b.endObject();
    }
    optional(b, "Runtime", p.string("runtime", ""));
    optional(b, "Isolation", p.string("isolation", ""));
    if (!p.list("mount").isEmpty()) {
      b.name("Mounts").beginArray();
      for (String m : p.list("mount")) {
        MountFlags.mount(b, m);
      }
      b.endArray();
    }
    b.endObject();
    b.name("NetworkingConfig").beginObject().name("EndpointsConfig").beginObject();
    List<String> aliases = new ArrayList<>(p.list("network-alias"));
    aliases.addAll(p.list("net-alias"));
    String ip = p.string("ip", "");
    String mac = p.string("mac-address", "");
    if (!mac.isEmpty() && !mac.matches("([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}")) {
      throw new Invalid("invalid argument \"" + mac + "\" for \"--mac-address\" flag: address " + mac
          + ": invalid MAC address");
    }
    if (!aliases.isEmpty() && (network == null || List.of("default", "bridge", "host", "none").contains(network)
        || network.startsWith("container:"))) {
      throw new Invalid("network-scoped aliases are only supported for user-defined networks");
    }
    if (!aliases.isEmpty() || !ip.isEmpty() || !mac.isEmpty()) {
      // as docker's client: the settings go under the network the container runs on
      if (!ip.isEmpty() && !validIp(ip)) {
        throw new Invalid("invalid IPv4 address: " + ip);
      }
      b.name(network == null ? "default" : network).beginObject();
      if (!ip.isEmpty()) {
        b.name("IPAMConfig").beginObject().member("IPv4Address", ip).endObject();
      }
      if (!aliases.isEmpty()) {
        b.name("Aliases").array(aliases);
      }
      if (!mac.isEmpty()) {
        b.member("MacAddress", mac);
      }
      b.endObject();
    }
    b.endObject().endObject();
    return b.endObject().toBytes();
  }

  private static void nonEmpty(JsonWriter b, String name, List<String> values) {
    if (!values.isEmpty()) {
      b.name(name).array(values);
    }
  }

  /** {@code --add-host name:ip}, {@code name=ip}, {@code name=[::1]}, as docker's ValidateExtraHost sends them. */
  private static List<String> extraHosts(Parsed p) throws Invalid {
    List<String> out = new ArrayList<>();
    for (String val : p.list("add-host")) {
      int sep = val.indexOf('=');
      if (sep < 0) {
        sep = val.indexOf(':');
      }
      String k = sep < 0 ? "" : val.substring(0, sep);
      String v = sep < 0 ? "" : val.substring(sep + 1);
      if (sep < 0 || k.isEmpty() || k.contains(":")) {
        throw new Invalid("invalid argument \"" + val + "\" for \"--add-host\" flag: bad format for add-host: \""
            + val + "\"");
      }
      if (!v.equals("host-gateway")) {
        if (v.length() > 2 && v.startsWith("[") && v.endsWith("]")) {
          v = v.substring(1, v.length() - 1);
        }
        if (!validIp(v)) {
          throw new Invalid("invalid argument \"" + val + "\" for \"--add-host\" flag: invalid IP address in add-host: \""
              + v + "\"");
        }
      }
      out.add(k + ":" + v);
    }
    return out;
  }

  private static void optional(JsonWriter b, String name, String value) {
    if (!value.isEmpty()) {
      b.member(name, value);
    }
  }

  /**
   * {@code -p [ip:][hostPort:]containerPort[/proto]} and the long form
   * {@code published=8080,target=80,protocol=udp}: each container port with its host bindings,
   * as docker's nat package parses them (a container range maps onto a host range of the same
   * length, one container port onto a host range to choose from).
   */
  static Map<String, List<String[]>> publishedPorts(Parsed p) throws Invalid {
    Map<String, List<String[]>> out = new java.util.TreeMap<>();
    if (!p.changed("publish")) {
      return out;
    }
    for (String raw : p.list("publish")) {
      String spec = raw;
      if (raw.contains("=")) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : raw.split(",")) {
          int eq = param.indexOf('=');
          if (eq < 0) {
            throw new Invalid("invalid publish opts format (should be name=value but got '" + param + "')");
          }
          params.put(param.substring(0, eq), param.substring(eq + 1));
        }
        spec = params.getOrDefault("published", "") + ":" + params.getOrDefault("target", "") + "/"
            + params.getOrDefault("protocol", "");
      }
      String[] parts = spec.split(":", -1);
      int n = parts.length;
      String containerPort = parts[n - 1];
      String hostPort = n >= 2 ? parts[n - 2] : "";
      String ip = n >= 3 ? String.join(":", java.util.Arrays.asList(parts).subList(0, n - 2)) : "";
      String proto = "tcp";
      int slash = containerPort.indexOf('/');
      if (slash >= 0) {
        proto = containerPort.substring(slash + 1);
        containerPort = containerPort.substring(0, slash);
        if (proto.isEmpty()) {
          proto = "tcp";
        }
      }
      if (ip.startsWith("[") && ip.endsWith("]")) {
        ip = ip.substring(1, ip.length() - 1);
      }
      if (!ip.isEmpty() && !validIp(ip)) {
        throw new Invalid("invalid IP address: " + ip);
      }
      if (containerPort.isEmpty()) {
        throw new Invalid("no port specified: " + spec + "<empty>");
      }
      long[] c = portRange(containerPort);
      if (c == null) {
        throw new Invalid("invalid containerPort: " + containerPort);
      }
      long[] h = hostPort.isEmpty() ? new long[] {0, 0} : portRange(hostPort);
      if (h == null) {
        throw new Invalid("invalid hostPort: " + hostPort);
      }
      if (!hostPort.isEmpty() && c[1] - c[0] != h[1] - h[0] && c[1] != c[0]) {
        throw new Invalid("invalid ranges specified for container and host Ports: " + containerPort + " and "
            + hostPort);
      }
      String lower = proto.toLowerCase(Locale.ROOT);
      if (!lower.equals("tcp") && !lower.equals("udp") && !lower.equals("sctp")) {
        throw new Invalid("invalid proto: " + proto);
      }
      for (long i = 0; i <= c[1] - c[0]; i++) {
        String host = hostPort.isEmpty() ? "" : String.valueOf(h[0] + i);
        if (c[0] == c[1] && h[0] != h[1]) {
          host = h[0] + "-" + h[1];
        }
        out.computeIfAbsent((c[0] + i) + "/" + lower, k -> new ArrayList<>()).add(new String[] {ip, host});
      }
    }
    return out;
  }

  /** A port or a range {@code low-high}, as docker's nat.ParsePortRange; null when invalid. */
  private static long[] portRange(String s) {
    try {
      int dash = s.indexOf('-');
      if (dash < 0) {
        long v = GoParse.parseUint(s, 10, 16);
        return new long[] {v, v};
      }
      String[] parts = s.split("-", -1);
      long low = GoParse.parseUint(parts[0], 10, 16);
      long high = GoParse.parseUint(parts[1], 10, 16);
      return high < low ? null : new long[] {low, high};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** An IPv4 or IPv6 literal (no name lookups: this runs before any request). */
  private static boolean validIp(String ip) {
    if (ip.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      for (String part : ip.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return true;
    }
    return ip.contains(":") && ip.matches("[0-9a-fA-F:.]+");
  }

  /**
   * {@code --expose 80}, {@code 53/udp}, {@code 7000-7002}: each port of each range, as docker's
   * nat package names them, in the order Go writes map keys.
   */
  static Set<String> exposedPorts(Parsed p) throws Invalid {
    if (!p.changed("expose")) {
      return Set.of();
    }
    Set<String> ports = new TreeSet<>();
    for (String e : p.list("expose")) {
      if (e.indexOf(':') >= 0) {
        throw new Invalid("invalid port format for --expose: " + e);
      }
      int slash = e.indexOf('/');
      String port = slash < 0 ? e : e.substring(0, slash);
      String proto;
      if (port.isEmpty()) {
        proto = "";
      } else if (slash < 0) {
        proto = "tcp";
      } else {
        int next = e.indexOf('/', slash + 1);
        proto = e.substring(slash + 1, next < 0 ? e.length() : next);
        if (proto.isEmpty()) {
          proto = "tcp";
        }
      }
      long start;
      long end;
      try {
        if (port.isEmpty()) {
          throw new IllegalArgumentException("empty string specified for ports");
        }
        int dash = port.indexOf('-');
        if (dash < 0) {
          start = GoParse.parseUint(port, 10, 16);
          end = start;
        } else {
          int dash2 = port.indexOf('-', dash + 1);
          start = GoParse.parseUint(port.substring(0, dash), 10, 16);
          end = GoParse.parseUint(port.substring(dash + 1, dash2 < 0 ? port.length() : dash2), 10, 16);
          if (end < start) {
            throw new IllegalArgumentException("invalid range specified for port: " + port);
          }
        }
      } catch (IllegalArgumentException x) {
        throw new Invalid("invalid range format for --expose: " + e + ", error: " + x.getMessage());
      }
      for (long i = start; i <= end; i++) {
        ports.add(i + "/" + proto);
      }
    }
    return ports;
  }

  /** The client library's normalisation: upper case, {@code CAP_} prefixed (but {@code ALL}), unique, sorted. */
  static List<String> capabilities(List<String> caps) {
    if (caps.isEmpty()) {
      return null;
    }
    Set<String> out = new TreeSet<>();
    for (String c : caps) {
      String u = c.toUpperCase(Locale.ROOT);
      out.add(u.equals("ALL") || u.startsWith("CAP_") ? u : "CAP_" + u);
    }
    return new ArrayList<>(out);
  }

  /** Env files first, then {@code -e}; a bare name takes its value from our environment. */
  static List<String> env(Parsed p, Map<String, String> env) throws Invalid {
    List<String> out = new ArrayList<>();
    for (String file : p.list("env-file")) {
      out.addAll(envFile(Path.of(file), env));
    }
    for (String e : p.list("env")) {
      int eq = e.indexOf('=');
      String key = eq < 0 ? e : e.substring(0, eq);
      if (key.isEmpty()) {
        throw new UsageError("invalid argument \"" + e + "\" for \"-e, --env\" flag: invalid environment variable: " + e);
      }
      if (eq < 0 && env.containsKey(key)) {
        out.add(key + "=" + env.get(key));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /** Docker's env-file rules: comments and blanks skipped, bare names looked up or dropped. */
  static List<String> envFile(Path file, Map<String, String> env) throws Invalid {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Invalid("open " + file + ": no such file or directory");
    } catch (IOException e) {
      throw new Invalid("open " + file + ": " + e.getMessage());
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("invalid env file (" + file + "): invalid utf8 bytes");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> out = new ArrayList<>();
    for (String raw : text.split("\r?\n", -1)) {
      String line = raw.stripLeading();
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      if (key.isEmpty()) {
        throw new Invalid("invalid env file (" + file + "): no variable name on line '" + line + "'");
      }
      if (key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
        throw new Invalid("invalid env file (" + file + "): variable '" + key + "' contains whitespaces");
      }
      if (eq >= 0) {
        out.add(line);
      } else if (env.containsKey(line)) {
        out.add(key + "=" + env.get(line));
      }
    }
    return out;
  }

  /**
   * Label files first (docker's key/value file rules; a bare key is dropped), then {@code -l}
   * {@code k=v} pairs, where a bare key gets an empty value; a later key wins.
   */
  static Map<String, String> labels(Parsed p) throws Invalid {
    validateLabels(p);
    Map<String, String> out = new LinkedHashMap<>();
    for (String file : p.list("label-file")) {
      for (String l : envFile(Path.of(file), Map.of())) {
        put(out, l);
      }
    }
    for (String l : p.list("label")) {
      put(out, l);
    }
    return out;
  }

  /** docker's ValidateLabel, which runs as pflag sets each {@code -l}: a name, without whitespace. */
  static void validateLabels(Parsed p) {
    for (String l : p.list("label")) {
      int eq = l.indexOf('=');
      String key = trimLeft(eq < 0 ? l : l.substring(0, eq));
      if (key.isEmpty()) {
        throw new UsageError("invalid argument \"" + l + "\" for \"-l, --label\" flag: invalid label '" + l + "': empty name");
      }
      if (key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
        throw new UsageError("invalid argument \"" + l + "\" for \"-l, --label\" flag: label '" + key + "' contains whitespaces");
      }
    }
  }

  private static void put(Map<String, String> out, String kv) {
    int eq = kv.indexOf('=');
    out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
  }

  private static String trimLeft(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return s.substring(i);
  }
}
