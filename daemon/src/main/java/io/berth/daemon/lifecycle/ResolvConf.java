package io.berth.daemon.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * /etc/resolv.conf for a container in a network namespace of its own, made from the host's as
 * dockerd makes it for the default bridge: a loopback nameserver is the host's, unreachable from
 * the container, and an IPv6 one is unreachable on an IPv4-only bridge, so both are dropped; when
 * none is left, Google's public servers stand in, as in dockerd. Search and options are kept.
 */
final class ResolvConf {
  static final List<String> FALLBACK = List.of("8.8.8.8", "8.8.4.4");

  private ResolvConf() {}

  static String forOwnNamespace(String host) {
    List<String> servers = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String line : host.lines().toList()) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
        continue;
      }
      String[] f = t.split("\\s+");
      if (f[0].equals("nameserver")) {
        if (f.length > 1 && !f[1].startsWith("127.") && !f[1].contains(":")) {
          servers.add(f[1]);
        }
      } else {
        rest.add(t);
      }
    }
    if (servers.isEmpty()) {
      servers = FALLBACK;
    }
    StringBuilder out = new StringBuilder();
    servers.forEach(s -> out.append("nameserver ").append(s).append('\n'));
    rest.forEach(r -> out.append(r).append('\n'));
    return out.toString();
  }
}
