package io.berth.daemon.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Legacy links ({@code --link child:alias}) on the default bridge, as dockerd makes them: the
 * child's address in /etc/hosts under the alias, its hostname and its name, and environment
 * variables naming its exposed ports and carrying its environment. Stored as dockerd stores them,
 * {@code /child:/parent/alias}.
 */
final class Links {
  private Links() {}

  /** One link: the child's name and the alias the parent knows it by. */
  record Link(String child, String alias) {
    /** {@code child}, {@code child:alias}, or dockerd's stored {@code /child:/parent/alias}. */
    static Link parse(String s) {
      int colon = s.indexOf(':');
      String child = (colon < 0 ? s : s.substring(0, colon)).replaceFirst("^/", "");
      String alias = colon < 0 ? child : s.substring(colon + 1);
      alias = alias.substring(alias.lastIndexOf('/') + 1);
      return new Link(child, alias);
    }

    String stored(String parent) {
      return "/" + child + ":/" + parent + "/" + alias;
    }
  }

  /** What a started container gets from its links. */
  record Resolved(List<String> env, List<String> hosts) {
    static final Resolved NONE = new Resolved(List.of(), List.of());
  }

  /** The /etc/hosts line: the address under the alias, the child's hostname, and its name if the alias is not it. */
  static String hostsLine(Link l, String childIp, String childHostname) {
    String names = l.alias() + " " + childHostname + (l.alias().equals(l.child()) ? "" : " " + l.child());
    return childIp + "\t" + names;
  }

  /** dockerd's link variables: {@code ALIAS_PORT...}, {@code ALIAS_NAME}, {@code ALIAS_ENV_...}. */
  static List<String> env(String parent, Link l, String childIp, List<String> childEnv, Map<String, Object> exposed) {
    String alias = l.alias().toUpperCase(Locale.ROOT).replace('-', '_');
    List<String[]> ports = new ArrayList<>();
    if (exposed != null) {
      for (String key : exposed.keySet()) {
        int slash = key.indexOf('/');
        ports.add(new String[] {slash < 0 ? key : key.substring(0, slash), slash < 0 ? "tcp" : key.substring(slash + 1)});
      }
    }
    // tcp first, then by protocol, each by number, as dockerd sorts them
    ports.sort(Comparator.<String[], Integer>comparing(p -> p[1].equalsIgnoreCase("tcp") ? 0 : 1)
        .thenComparing(p -> p[1].toLowerCase(Locale.ROOT)).thenComparing(p -> Integer.parseInt(p[0])));
    List<String> env = new ArrayList<>();
    String[] start = null;
    String[] end = null;
    for (int i = 0; i < ports.size(); i++) {
      String[] p = ports.get(i);
      if (i == 0) {
        start = p;
        end = p;
        // the default port is the lowest number, tcp winning a tie (dockerd's getDefaultPort)
        String[] first = ports.stream().min(Comparator.<String[], Integer>comparing(q -> Integer.parseInt(q[0]))
            .thenComparing(q -> q[1].equalsIgnoreCase("tcp") ? 0 : 1)).orElseThrow();
        env.add(alias + "_PORT=" + first[1] + "://" + childIp + ":" + first[0]);
      }
      String prefix = alias + "_PORT_" + p[0] + "_" + p[1].toUpperCase(Locale.ROOT);
      env.add(prefix + "=" + p[1] + "://" + childIp + ":" + p[0]);
      env.add(prefix + "_ADDR=" + childIp);
      env.add(prefix + "_PORT=" + p[0]);
      env.add(prefix + "_PROTO=" + p[1]);
      if (Integer.parseInt(p[0]) == Integer.parseInt(end[0]) + 1 && p[1].equalsIgnoreCase(start[1])) {
        end = p;
        if (i < ports.size() - 1) {
          continue;
        }
      }
      if (end != start) {
        String range = alias + "_PORT_" + start[0] + "_" + start[1].toUpperCase(Locale.ROOT);
        env.add(range + "_START=" + start[1] + "://" + childIp + ":" + start[0]);
        env.add(range + "_PORT_START=" + start[0]);
        env.add(range + "_END=" + end[1] + "://" + childIp + ":" + end[0]);
        env.add(range + "_PORT_END=" + end[0]);
      }
      start = p;
      end = p;
    }
    env.add(alias + "_NAME=/" + parent + "/" + l.alias());
    for (String v : childEnv == null ? List.<String>of() : childEnv) {
      int eq = v.indexOf('=');
      if (eq < 0 || v.startsWith("HOME=") || v.startsWith("PATH=")) {
        continue;
      }
      env.add(alias + "_ENV_" + v.substring(0, eq) + "=" + v.substring(eq + 1));
    }
    return env;
  }
}
