package io.berth.daemon.lifecycle;

import io.berth.api.model.container.HostConfig;
import io.berth.common.error.InvalidParameterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's /etc/hostname, /etc/hosts and /etc/resolv.conf, kept in its directory and
 * bind-mounted, as dockerd makes them: resolv.conf from the host's with {@code --dns},
 * {@code --dns-search} and {@code --dns-option} in place of its lines; hosts with the
 * {@code --add-host} entries and, on the bridge, the container's own address under its name
 * (rewritten at each start, as the address may change). Files are rewritten in place: a mount of
 * a replaced file would go on showing the old one.
 */
final class EtcFiles {
  static final String HOST_GATEWAY = "host-gateway";
  private static final String DEFAULT_HOSTS = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
      + "fe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";

  private EtcFiles() {}

  /** dockerd's checks of {@code --dns} and {@code --add-host}, at create. */
  static void validate(HostConfig h) {
    for (String dns : nz(h.dns())) {
      if (!isIp(dns.strip())) {
        throw new InvalidParameterException("IP address is not correctly formatted: " + dns);
      }
    }
    for (String extra : nz(h.extraHosts())) {
      int colon = extra.indexOf(':');
      String name = colon < 0 ? "" : extra.substring(0, colon);
      if (colon < 0 || name.isEmpty()) {
        throw new InvalidParameterException("bad format for add-host: \"" + extra + "\"");
      }
      String ip = extra.substring(colon + 1);
      if (!ip.equals(HOST_GATEWAY) && !isIp(ip)) {
        throw new InvalidParameterException("invalid IP address in add-host: \"" + ip + "\"");
      }
    }
  }

  /**
   * Written once, at create.
   *
   * @param embeddedDns the address of the network's own DNS server (a user-defined network's
   *     gateway, where aardvark-dns answers), or null
   */
  static void writeAtCreate(Path dir, String hostname, boolean hostNet, HostConfig h, String hostGateway,
      String embeddedDns) {
    try {
      Files.writeString(dir.resolve("hostname"), hostname + "\n");
      String host = hostResolvConf();
      Files.writeString(dir.resolve("resolv.conf"), embeddedDns != null
          ? ResolvConf.embedded(host, embeddedDns, nz(h.dnsSearch()), nz(h.dnsOptions()))
          : ResolvConf.generate(host, !hostNet, nz(h.dns()), nz(h.dnsSearch()), nz(h.dnsOptions())));
      if (hostNet && nz(h.extraHosts()).isEmpty() && Files.isReadable(Path.of("/etc/hosts"))) {
        // the host's own, as dockerd copies it; with --add-host, a file of the container's own
        Files.writeString(dir.resolve("hosts"), Files.readString(Path.of("/etc/hosts")));
      } else {
        writeHosts(dir, hostname, null, h, hostGateway);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The names /etc/hosts gives the container's own address: the full name (hostname and
   * domainname) and, when it has a dot, the part before it, as libnetwork writes them.
   */
  static String ownNames(String hostname, String domainname) {
    String full = domainname == null || domainname.isEmpty() ? hostname : hostname + "." + domainname;
    int dot = full.indexOf('.');
    return dot < 0 ? full : full + " " + full.substring(0, dot);
  }

  /**
   * /etc/hosts: dockerd's defaults, the {@code --add-host} entries ({@code host-gateway} being
   * the default bridge's address), and the container's own address, if it has one.
   */
  static void writeHosts(Path dir, String names, String address, HostConfig h, String hostGateway) {
    writeHosts(dir, names, address, h, hostGateway, List.of());
  }

  /** As above, with the lines of legacy links after the {@code --add-host} entries. */
  static void writeHosts(Path dir, String names, String address, HostConfig h, String hostGateway,
      List<String> linkLines) {
    StringBuilder out = new StringBuilder(DEFAULT_HOSTS);
    for (String extra : nz(h.extraHosts())) {
      int colon = extra.indexOf(':');
      String ip = extra.substring(colon + 1);
      if (ip.equals(HOST_GATEWAY)) {
        if (hostGateway == null) {
          throw new InvalidParameterException("unable to derive the IP value for host-gateway");
        }
        ip = hostGateway;
      }
      out.append(ip).append('\t').append(extra, 0, colon).append('\n');
    }
    linkLines.forEach(l -> out.append(l).append('\n'));
    if (address != null) {
      out.append(address).append('\t').append(names).append('\n');
    }
    try {
      Files.writeString(dir.resolve("hosts"), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The host's resolv.conf; on a host whose only nameserver is systemd-resolved's stub
   * (127.0.0.53), resolved's own list of upstream servers, as dockerd reads it.
   */
  private static String hostResolvConf() throws IOException {
    Path resolv = Path.of("/etc/resolv.conf");
    String host = Files.isReadable(resolv) ? Files.readString(resolv, StandardCharsets.UTF_8) : "";
    List<String> servers = host.lines().map(String::strip).filter(l -> l.startsWith("nameserver")).toList();
    Path resolved = Path.of("/run/systemd/resolve/resolv.conf");
    if (servers.size() == 1 && servers.getFirst().matches("nameserver\\s+127\\.0\\.0\\.53") && Files.isReadable(resolved)) {
      return Files.readString(resolved, StandardCharsets.UTF_8);
    }
    return host;
  }

  /** An IPv4 or IPv6 literal; never a name (no lookup is made). */
  static boolean isIp(String s) {
    if (s.isEmpty() || !(s.matches("[0-9.]+") || s.contains(":")) || !s.matches("[0-9a-fA-F:.%a-zA-Z]+")) {
      return false;
    }
    if (s.matches("[0-9.]+") && !s.matches("([0-9]{1,3}\\.){3}[0-9]{1,3}")) {
      return false;
    }
    try {
      InetAddress.ofLiteral(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> nz(List<String> l) {
    return l == null ? new ArrayList<>() : l;
  }
}
