package io.berth.daemon.network;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import io.berth.common.error.InvalidParameterException;
import io.berth.network.HostPorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container's published ports between Docker's shapes ({@code PortBindings}, {@code
 * PublishAllPorts}, {@code ExposedPorts}; {@code NetworkSettings.Ports} and the list's
 * {@code Ports}) and the host ports that are held for them.
 */
public final class PublishedPorts {
  private PublishedPorts() {}

  /** dockerd's check at create: each container port a number, each host port a number, a range or empty. */
  public static void validate(HostConfig h) {
    if (h.portBindings() == null) {
      return;
    }
    for (var e : h.portBindings().entrySet()) {
      String port = e.getKey().contains("/") ? e.getKey().substring(0, e.getKey().indexOf('/')) : e.getKey();
      if (!port.isEmpty() && range(port, false) == null) {
        throw new InvalidParameterException("invalid port specification: \"" + port + "\"");
      }
      String proto = protoPort(e.getKey())[1];
      if (!proto.equals("tcp") && !proto.equals("udp")) {
        throw new InvalidParameterException("berth does not support publishing " + proto + " ports yet: use tcp or udp");
      }
      for (Map<String, String> b : bindings(e.getValue())) {
        String hostPort = b.getOrDefault("HostPort", "");
        if (!hostPort.isEmpty() && range(hostPort, true) == null) {
          throw new InvalidParameterException("invalid port specification: \"" + hostPort + "\"");
        }
        String ip = b.getOrDefault("HostIp", "");
        if (!ip.isEmpty() && !ip.matches("([0-9]{1,3}\\.){3}[0-9]{1,3}")) {
          throw new InvalidParameterException(ip.contains(":")
              ? "berth does not support publishing ports on IPv6 addresses yet: " + ip
              : "invalid IP address: " + ip);
        }
      }
    }
  }

  /**
   * What to hold: every binding, and with {@code -P} every exposed port without one, on any
   * free port of every address.
   */
  public static List<HostPorts.Request> requests(ContainerConfig c, HostConfig h) {
    Map<String, Object> bound = h.portBindings() == null ? Map.of() : h.portBindings();
    List<HostPorts.Request> out = new ArrayList<>();
    for (var e : new TreeMap<>(bound).entrySet()) {
      String[] pp = protoPort(e.getKey());
      for (Map<String, String> b : bindings(e.getValue())) {
        int[] r = range(b.getOrDefault("HostPort", ""), true);
        String ip = b.getOrDefault("HostIp", "");
        out.add(new HostPorts.Request(pp[1], Integer.parseInt(pp[0]), ip.equals("0.0.0.0") ? "" : ip, r[0], r[1]));
      }
    }
    if (h.publishAllPorts() && c.exposedPorts() != null) {
      for (String key : new TreeMap<>(c.exposedPorts()).keySet()) {
        if (!bound.containsKey(key) && !bound.containsKey(protoPort(key)[0])) {
          String[] pp = protoPort(key);
          out.add(new HostPorts.Request(pp[1], Integer.parseInt(pp[0]), "", 0, 0));
        }
      }
    }
    return out;
  }

  /**
   * {@code NetworkSettings.Ports} of a running container: each held port under its container
   * port, and each exposed port that is not published with null, as dockerd shows them.
   */
  public static Map<String, Object> inspect(ContainerConfig c, List<HostPorts.Mapping> held) {
    Map<String, Object> out = new TreeMap<>();
    if (c.exposedPorts() != null) {
      for (String key : c.exposedPorts().keySet()) {
        String[] pp = protoPort(key);
        out.put(pp[0] + "/" + pp[1], null);
      }
    }
    for (HostPorts.Mapping m : held) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) out.computeIfAbsent(m.containerPort() + "/" + m.protocol(),
          k -> new ArrayList<>());
      Map<String, String> b = new LinkedHashMap<>();
      b.put("HostIp", m.shownIp());
      b.put("HostPort", String.valueOf(m.hostPort()));
      list.add(b);
    }
    return out;
  }

  /** The list's {@code Ports}: published ones with their host side, exposed ones without. */
  public static List<Object> summary(ContainerConfig c, List<HostPorts.Mapping> held) {
    List<Object> out = new ArrayList<>();
    for (HostPorts.Mapping m : held) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("IP", m.shownIp());
      p.put("PrivatePort", m.containerPort());
      p.put("PublicPort", m.hostPort());
      p.put("Type", m.protocol());
      out.add(p);
    }
    if (c.exposedPorts() != null) {
      for (String key : new TreeMap<>(c.exposedPorts()).keySet()) {
        String[] pp = protoPort(key);
        int port = Integer.parseInt(pp[0]);
        if (held.stream().noneMatch(m -> m.containerPort() == port && m.protocol().equals(pp[1]))) {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("PrivatePort", port);
          p.put("Type", pp[1]);
          out.add(p);
        }
      }
    }
    return out;
  }

  /** {@code 80/udp} to {@code [80, udp]}; the protocol is tcp when not named. */
  static String[] protoPort(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? new String[] {key, "tcp"} : new String[] {key.substring(0, slash), key.substring(slash + 1)};
  }

  /** A port or (when allowed) a range {@code low-high}; "" is {0, 0}, any port; null if invalid. */
  static int[] range(String s, boolean allowRange) {
    if (s.isEmpty()) {
      return new int[] {0, 0};
    }
    String[] parts = s.split("-", -1);
    if (parts.length > 2 || (parts.length == 2 && !allowRange)) {
      return null;
    }
    try {
      int low = Integer.parseInt(parts[0]);
      int high = parts.length == 2 ? Integer.parseInt(parts[1]) : low;
      return low < 0 || high > 65535 || high < low ? null : new int[] {low, high};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> bindings(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof Map<?, ?> m) {
        Map<String, String> b = new LinkedHashMap<>();
        m.forEach((k, v) -> b.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        out.add(b);
      } else if (o == null) {
        out.add(Map.of());
      }
    }
    return out;
  }
}
