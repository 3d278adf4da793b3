package io.berth.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * netavark never removes the chains and jumps it shares between all its networks (a Podman's
 * too). When the tests made them, they are taken away when the tests end, if no network uses
 * them any more: the host's firewall is left as it was found.
 */
final class NetavarkChains {
  private static boolean registered;

  private NetavarkChains() {}

  static synchronized void removeAtExitIfMadeHere() {
    if (registered) {
      return;
    }
    registered = true;
    if (run("iptables", "-S").contains("-N NETAVARK_FORWARD")) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(NetavarkChains::removeIfUnused));
  }

  /** Only the shared chains are left once every network is gone: per-network ones are NETAVARK-<hash>. */
  static void removeIfUnused() {
    String nat = run("iptables", "-t", "nat", "-S");
    if (nat.lines().anyMatch(l -> l.startsWith("-N NETAVARK-") && !l.startsWith("-N NETAVARK-HOSTPORT-"))
        || run("iptables", "-S", "NETAVARK_FORWARD").lines().anyMatch(l -> l.startsWith("-A"))
        || run("iptables", "-S", "NETAVARK_ISOLATION_1").lines().anyMatch(l -> l.startsWith("-A"))) {
      return;
    }
    run("iptables", "-D", "FORWARD", "-m", "comment", "--comment", "netavark firewall plugin rules", "-j",
        "NETAVARK_FORWARD");
    run("iptables", "-X", "NETAVARK_FORWARD");
    run("iptables", "-D", "FORWARD", "-j", "NETAVARK_ISOLATION_1");
    run("iptables", "-X", "NETAVARK_ISOLATION_1");
    run("iptables", "-X", "NETAVARK_ISOLATION_2");
    run("iptables", "-t", "nat", "-D", "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j",
        "NETAVARK-HOSTPORT-DNAT");
    run("iptables", "-t", "nat", "-D", "OUTPUT", "-m", "addrtype", "--dst-type", "LOCAL", "-j",
        "NETAVARK-HOSTPORT-DNAT");
    run("iptables", "-t", "nat", "-D", "POSTROUTING", "-j", "NETAVARK-HOSTPORT-MASQ");
    for (String chain : List.of("NETAVARK-HOSTPORT-DNAT", "NETAVARK-HOSTPORT-MASQ", "NETAVARK-HOSTPORT-SETMARK")) {
      run("iptables", "-t", "nat", "-F", chain);
      run("iptables", "-t", "nat", "-X", chain);
    }
  }

  /** netavark's name for a network's chains. */
  static String hash(String network) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-512").digest(network.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().withUpperCase().formatHex(d).substring(0, 13);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String run(String... argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (java.io.IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
