package io.berth.cli.command.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker's DisplayablePorts: {@code 0.0.0.0:80->80/tcp, 9000-9002/tcp}, ranges collapsed. */
final class Ports {
  /** Ordered by private port, IP, public port and type, as docker sorts them. */
  private record Port(String ip, int priv, int pub, String type) implements Comparable<Port> {
    @Override
    public int compareTo(Port o) {
      int c = Integer.compare(priv, o.priv);
      if (c == 0) {
        c = ip.compareTo(o.ip);
      }
      if (c == 0) {
        c = Integer.compare(pub, o.pub);
      }
      return c != 0 ? c : type.compareTo(o.type);
    }
  }

  private Ports() {}

  static String display(List<?> raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<Port> ports = new ArrayList<>();
    for (Object o : raw) {
      if (o instanceof Map<?, ?> m) {
        ports.add(new Port(str(m.get("IP")), num(m.get("PrivatePort")), num(m.get("PublicPort")), str(m.get("Type"))));
      }
    }
    // Natural order, not a Comparator chain: each of its method references is a class to spin.
    ports.sort(null);
    Map<String, int[]> groups = new LinkedHashMap<>();
    List<String> result = new ArrayList<>();
    List<String> hostMappings = new ArrayList<>();
    for (Port p : ports) {
      String key = p.type;
      if (!p.ip.isEmpty()) {
        if (p.pub != p.priv) {
          hostMappings.add(joinHostPort(p.ip, Integer.toString(p.pub)) + "->" + p.priv + "/" + p.type);
          continue;
        }
        key = p.ip + "/" + p.type;
      }
      int[] g = groups.get(key);
      if (g == null) {
        groups.put(key, new int[] {p.priv, p.priv});
        continue;
      }
      if (p.priv == g[1] + 1) {
        g[1] = p.priv;
        continue;
      }
      result.add(group(key, g[0], g[1]));
      groups.put(key, new int[] {p.priv, p.priv});
    }
    for (Map.Entry<String, int[]> e : groups.entrySet()) {
      result.add(group(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    result.addAll(hostMappings);
    return String.join(", ", result);
  }

  private static String group(String key, int start, int last) {
    String[] parts = key.split("/", -1);
    String type = parts[0];
    String ip = "";
    if (parts.length > 1) {
      ip = parts[0];
      type = parts[1];
    }
    String g = start == last ? Integer.toString(start) : start + "-" + last;
    if (!ip.isEmpty()) {
      g = joinHostPort(ip, g) + "->" + g;
    }
    return g + "/" + type;
  }

  private static String joinHostPort(String host, String port) {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static int num(Object o) {
    return o instanceof Number n ? n.intValue() : 0;
  }
}
