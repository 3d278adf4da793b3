package io.berth.network;

import io.berth.common.error.InvalidParameterException;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Host ports held for published container ports. netavark only writes DNAT rules: it neither
 * checks nor picks host ports, and two containers could shadow each other's rules. So each host
 * port is bound here first, as dockerd and Podman do, and held while the container runs: a port
 * some other program (a Docker, a Podman, a server) holds fails the start, and a port asked for
 * as "any" is the kernel's choice among the free ephemeral ports, which concurrent starts never
 * share.
 */
public final class HostPorts {
  private HostPorts() {}

  /** A published port as asked for: {@code hostLow == 0} for any free port; an empty address for all. */
  public record Request(String protocol, int containerPort, String hostIp, int hostLow, int hostHigh) {}

  /** A published port as held. */
  public record Mapping(String protocol, int containerPort, String hostIp, int hostPort) {
    /** The address the port is bound on, as inspect shows it. */
    public String shownIp() {
      return hostIp.isEmpty() ? "0.0.0.0" : hostIp;
    }
  }

  /** The host port could not be bound; the message is dockerd's cause. */
  public static final class InUse extends RuntimeException {
    public InUse(String message) {
      super(message);
    }
  }

  /** Sockets bound for one container; closing them gives the ports back. */
  public static final class Held implements Closeable {
    private final List<Mapping> mappings;
    private final List<NetworkChannel> sockets;

    Held(List<Mapping> mappings, List<NetworkChannel> sockets) {
      this.mappings = List.copyOf(mappings);
      this.sockets = sockets;
    }

    public List<Mapping> mappings() {
      return mappings;
    }

    @Override
    public void close() {
      for (NetworkChannel s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          // the port is given back when the descriptor goes, whatever close says
        }
      }
    }
  }

  /**
   * Binds every requested port, or none: on a failure the ones bound so far are given back.
   *
   * @param containerAddress the container's address, for the message of a port in use
   */
  public static Held reserve(List<Request> requests, String containerAddress) {
    List<Mapping> mappings = new ArrayList<>();
    List<NetworkChannel> sockets = new ArrayList<>();
    try {
      for (Request r : requests) {
        mappings.add(bind(r, containerAddress, sockets));
      }
      return new Held(mappings, sockets);
    } catch (RuntimeException e) {
      new Held(mappings, sockets).close();
      throw e;
    }
  }

  /** Binds the same mappings again: after a berthd restart, for the containers still running. */
  public static Held reserveAgain(List<Mapping> mappings, String containerAddress) {
    return reserve(mappings.stream()
        .map(m -> new Request(m.protocol(), m.containerPort(), m.hostIp(), m.hostPort(), m.hostPort())).toList(),
        containerAddress);
  }

  private static Mapping bind(Request r, String containerAddress, List<NetworkChannel> sockets) {
    String shown = r.hostIp().isEmpty() ? "0.0.0.0" : r.hostIp();
    IOException last = null;
    int low = r.hostLow();
    int high = r.hostLow() == 0 ? 0 : r.hostHigh();
    for (int port = low; port <= high; port++) {
      try {
        NetworkChannel ch = open(r.protocol());
        try {
          ch.bind(new InetSocketAddress(InetAddress.ofLiteral(shown), port));
        } catch (IOException e) {
          ch.close();
          throw e;
        }
        sockets.add(ch);
        return new Mapping(r.protocol(), r.containerPort(), r.hostIp(),
            ((InetSocketAddress) ch.getLocalAddress()).getPort());
      } catch (IOException e) {
        last = e;
      }
    }
    String what = shown + ":" + (low == high ? String.valueOf(low) : low + "-" + high) + ":" + containerAddress
        + ":" + r.containerPort() + "/" + r.protocol();
    String cause = last instanceof BindException b && String.valueOf(b.getMessage()).contains("in use")
        ? "address already in use" : String.valueOf(last == null ? "no port" : last.getMessage()).toLowerCase();
    throw new InUse("failed to bind host port for " + what + ": " + cause);
  }

  private static NetworkChannel open(String protocol) throws IOException {
    // IPv4 sockets: a dual-stack one would also take [::]:port, where netavark forwards nothing,
    // and an IPv6 client's connection would wait on a socket nobody accepts from
    return switch (protocol) {
      case "tcp" -> ServerSocketChannel.open(java.net.StandardProtocolFamily.INET);
      case "udp" -> DatagramChannel.open(java.net.StandardProtocolFamily.INET);
      default -> throw new InvalidParameterException("publishing " + protocol + " ports is not supported by Berth:"
          + " use tcp or udp");
    };
  }
}
