package io.berth.registry;

import io.berth.common.error.InvalidParameterException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How registry domains are reached, from berthd's {@code --registry-mirror} and {@code
 * --insecure-registry} flags: Docker Hub ({@code docker.io}) through its mirrors first, then
 * {@code registry-1.docker.io}; an insecure registry over HTTPS without certificate checks, then
 * over plain HTTP. 127.0.0.0/8 is insecure unless a flag says otherwise, as in Docker.
 */
public final class RegistryHosts {
  public static final String HUB_DOMAIN = "docker.io";
  public static final URI HUB_REGISTRY = URI.create("https://registry-1.docker.io");
  /** The name Docker's config.json keeps Hub credentials under. */
  public static final String HUB_AUTH_KEY = "https://index.docker.io/v1/";

  private final List<URI> mirrors;
  private final List<Cidr> insecureNets = new ArrayList<>();
  private final List<String> insecureHosts = new ArrayList<>();

  /**
   * @param mirrors {@code --registry-mirror} values (http or https URIs)
   * @param insecure {@code --insecure-registry} values: CIDRs or {@code host[:port]}
   */
  public RegistryHosts(List<String> mirrors, List<String> insecure) {
    List<URI> ms = new ArrayList<>();
    for (String m : mirrors) {
      ms.add(mirror(m));
    }
    this.mirrors = List.copyOf(ms);
    insecureNets.add(Cidr.parse("127.0.0.0/8"));
    for (String s : insecure) {
      if (s.contains("/") && !s.contains("://")) {
        insecureNets.add(Cidr.parse(s));
      } else {
        insecureHosts.add(s.replaceFirst("^[a-z]+://", "").toLowerCase(Locale.ROOT));
      }
    }
  }

  public static RegistryHosts defaults() {
    return new RegistryHosts(List.of(), List.of());
  }

  private static URI mirror(String m) {
    String s = m.endsWith("/") ? m.substring(0, m.length() - 1) : m;
    URI u;
    try {
      u = URI.create(s);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid mirror: \"" + m + "\" is not a valid URI");
    }
    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
      throw new InvalidParameterException(
          "invalid mirror: unsupported scheme \"" + u.getScheme() + "\" in \"" + m + "\"");
    }
    if (u.getRawPath() != null && !u.getRawPath().isEmpty()) {
      throw new InvalidParameterException("invalid mirror: path is not allowed: " + m);
    }
    return u;
  }

  /** The endpoints to try for a domain, in order. */
  public List<Endpoint> endpoints(String domain) {
    List<Endpoint> out = new ArrayList<>();
    if (HUB_DOMAIN.equals(domain)) {
      for (URI m : mirrors) {
        out.add(new Endpoint(m, !insecure(m.getRawAuthority()), true));
      }
      out.add(new Endpoint(HUB_REGISTRY, true, false));
      return out;
    }
    if (insecure(domain)) {
      out.add(new Endpoint(URI.create("https://" + domain), false, false));
      out.add(new Endpoint(URI.create("http://" + domain), false, false));
    } else {
      out.add(new Endpoint(URI.create("https://" + domain), true, false));
    }
    return out;
  }

  /** Whether {@code host[:port]} is insecure: named by a flag, or resolving into an insecure net. */
  public boolean insecure(String hostPort) {
    String hp = hostPort.toLowerCase(Locale.ROOT);
    if (insecureHosts.contains(hp)) {
      return true;
    }
    String host = hp;
    if (host.startsWith("[")) {
      host = host.substring(1, host.indexOf(']'));
    } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      host = host.substring(0, host.indexOf(':'));
    }
    if (insecureHosts.contains(host)) {
      return true;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        for (Cidr c : insecureNets) {
          if (c.contains(a)) {
            return true;
          }
        }
      }
    } catch (UnknownHostException e) {
      return false;
    }
    return false;
  }

  record Cidr(byte[] network, int bits) {
    static Cidr parse(String s) {
      try {
        int slash = s.indexOf('/');
        byte[] net = InetAddress.getByName(s.substring(0, slash)).getAddress();
        int bits = Integer.parseInt(s.substring(slash + 1));
        if (bits < 0 || bits > net.length * 8) {
          throw new NumberFormatException();
        }
        return new Cidr(net, bits);
      } catch (UnknownHostException | RuntimeException e) {
        throw new InvalidParameterException("insecure registry " + s + " is not valid: invalid CIDR address");
      }
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
          .shiftLeft(network.length * 8 - bits);
      return new BigInteger(1, b).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }
}
