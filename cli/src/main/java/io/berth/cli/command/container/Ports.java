package io.berth.cli.command.container;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker's DisplayablePorts: {@code 0.0.0.0:80->80/tcp, 9000-9002/tcp}, ranges collapsed. */
final class Ports {
  private record Port(String ip, int priv, int pub, String type) {}

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
    ports.sort(Comparator.comparingInt(Port::priv).thenComparing(Port::ip).thenComparingInt(Port::pub)
        .thenComparing(Port::type));
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
    groups.forEach((k, g) -> result.add(group(k, g[0], g[1])));
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
