package io.berth.network;

import io.berth.common.error.InvalidParameterException;

/**
 * An IPv4 subnet such as {@code 10.213.0.0/16}: its hosts are the addresses between the network
 * and broadcast addresses, and its gateway the first of them unless named.
 */
public record Subnet(int network, int prefix, int gateway) {
  public Subnet {
    if (prefix < 1 || prefix > 30) {
      throw new InvalidParameterException("invalid subnet prefix /" + prefix + ": Berth needs /1 to /30");
    }
    network &= mask(prefix);
  }

  /** {@code 10.213.0.0/16}, the gateway being the first host. */
  public static Subnet parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new InvalidParameterException("invalid CIDR address: " + cidr);
    }
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid CIDR address: " + cidr);
    }
    int net = address(cidr.substring(0, slash)) & mask(prefix);
    return new Subnet(net, prefix, net + 1);
  }

  public Subnet withGateway(String ip) {
    int g = address(ip);
    if (!contains(g)) {
      throw new InvalidParameterException("no matching subnet for gateway " + ip);
    }
    return new Subnet(network, prefix, g);
  }

  static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  /** Dotted quad to its 32 bits. */
  public static int address(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      throw new InvalidParameterException("invalid IPv4 address: " + ip);
    }
    int out = 0;
    for (String p : parts) {
      int b;
      try {
        b = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("invalid IPv4 address: " + ip);
      }
      if (b < 0 || b > 255 || p.isEmpty() || (p.length() > 1 && p.startsWith("0"))) {
        throw new InvalidParameterException("invalid IPv4 address: " + ip);
      }
      out = out << 8 | b;
    }
    return out;
  }

  public static String format(int a) {
    return (a >>> 24) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "." + (a & 0xff);
  }

  public boolean contains(int a) {
    return (a & mask(prefix)) == network;
  }

  public int firstHost() {
    return network + 1;
  }

  public int lastHost() {
    return (network | ~mask(prefix)) - 1;
  }

  public String cidr() {
    return format(network) + "/" + prefix;
  }

  public String gatewayAddress() {
    return format(gateway);
  }
}
