package io.berth.daemon.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * /etc/resolv.conf made from the host's as dockerd makes it. In a network namespace of its own, a
 * loopback nameserver is the host's, unreachable from the container, and an IPv6 one is
 * unreachable on an IPv4-only bridge, so both are dropped; when none is left, Google's public
 * servers stand in, as in dockerd. {@code --dns}, {@code --dns-search} and {@code --dns-option}
 * replace the corresponding lines (a search of "." clears it); other lines are kept.
 */
final class ResolvConf {
  static final List<String> FALLBACK = List.of("8.8.8.8", "8.8.4.4");

  private ResolvConf() {}

  static String forOwnNamespace(String host) {
    return generate(host, true, List.of(), List.of(), List.of());
  }

  /**
   * On a user-defined network, the network's DNS server answers, and forwards what it does not
   * know to the host's servers (or the container's {@code --dns}): it is the only nameserver, and
   * {@code ndots:0} is added unless ndots is set, as dockerd does for its embedded DNS.
   */
  static String embedded(String host, String server, List<String> search, List<String> options) {
    List<String> opts = new ArrayList<>(options);
    String base = generate(host, true, List.of(server), search, opts);
    if (!base.contains("ndots:")) {
      base = base.lines().anyMatch(l -> l.startsWith("options "))
          ? base.replaceFirst("(?m)^options (.*)$", "options $1 ndots:0")
          : base + "options ndots:0\n";
    }
    return base;
  }

  static String generate(String host, boolean ownNamespace, List<String> dns, List<String> search,
      List<String> options) {
    List<String> servers = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String line : host.lines().toList()) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
        continue;
      }
      String[] f = t.split("\\s+");
      if (f[0].equals("nameserver")) {
        if (f.length > 1 && (!ownNamespace || (!f[1].startsWith("127.") && !f[1].contains(":")))) {
          servers.add(f[1]);
        }
      } else if (!(f[0].equals("search") && !search.isEmpty()) && !(f[0].equals("options") && !options.isEmpty())
          && !(f[0].equals("domain") && !search.isEmpty())) {
        rest.add(t);
      }
    }
    if (!dns.isEmpty()) {
      servers = dns;
    } else if (servers.isEmpty() && ownNamespace) {
      servers = FALLBACK;
    }
    if (!search.isEmpty() && !(search.size() == 1 && search.getFirst().equals("."))) {
      rest.add(0, "search " + String.join(" ", search));
    }
    if (!options.isEmpty()) {
      rest.add("options " + String.join(" ", options));
    }
    StringBuilder out = new StringBuilder();
    servers.forEach(s -> out.append("nameserver ").append(s).append('\n'));
    rest.forEach(r -> out.append(r).append('\n'));
    return out.toString();
  }
}
