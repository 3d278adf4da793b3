package io.berth.client;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the daemon listens: {@code unix:///run/berth/berth.sock} or {@code tcp://host:port}.
 * Resolution follows docker: the {@code -H} flag, then the environment, then the default socket.
 */
public record DockerHost(String uri, Path socket, String host, int port) {
  public static final String DEFAULT = "unix:///run/berth/berth.sock";
  private static final int DEFAULT_TCP_PORT = 2375;

  public boolean isUnix() {
    return socket != null;
  }

  /** {@code -H} value, else BERTH_HOST, else DOCKER_HOST, else {@link #DEFAULT}. */
  public static DockerHost resolve(String flag, Map<String, String> env) {
    String value = flag;
    if (isBlank(value)) {
      value = env.get("BERTH_HOST");
    }
    if (isBlank(value)) {
      value = env.get("DOCKER_HOST");
    }
    if (isBlank(value)) {
      value = DEFAULT;
    }
    return parse(value.strip());
  }

  /** Parses one address; bare {@code host:port} means TCP, as in docker. */
  public static DockerHost parse(String addr) {
    int sep = addr.indexOf("://");
    String proto = sep < 0 ? "tcp" : addr.substring(0, sep);
    String rest = sep < 0 ? addr : addr.substring(sep + 3);
    switch (proto) {
      case "unix" -> {
        if (rest.isEmpty()) {
          return parse(DEFAULT);
        }
        if (rest.contains("://")) {
          throw new IllegalArgumentException("invalid proto, expected unix: " + rest);
        }
        return new DockerHost("unix://" + rest, Path.of(rest), null, 0);
      }
      case "tcp" -> {
        String hostPort = rest;
        int slash = hostPort.indexOf('/');
        if (slash >= 0) {
          hostPort = hostPort.substring(0, slash);
        }
        String host = hostPort;
        int port = DEFAULT_TCP_PORT;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && !hostPort.endsWith("]")) {
          host = hostPort.substring(0, colon);
          String p = hostPort.substring(colon + 1);
          if (!p.isEmpty()) {
            try {
              port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("invalid bind address format: " + addr);
            }
          }
        }
        if (host.startsWith("[") && host.endsWith("]")) {
          host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
          host = "127.0.0.1";
        }
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return new DockerHost("tcp://" + shown + ":" + port, null, host, port);
      }
      default -> throw new IllegalArgumentException("invalid bind address format: " + addr);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return uri;
  }
}
