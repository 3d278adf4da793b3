package io.berth.network;

import io.berth.common.error.SystemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lets connections to published ports through the FORWARD chain when its policy is DROP, as a
 * Docker on the same host sets it: netavark 1.4 accepts only related and established traffic
 * towards the subnet, so a new connection from another host, DNAT'ed to a container, would be
 * dropped (netavark issue 532). One chain of Berth's own per bridge, jumped to from FORWARD,
 * accepts what was DNAT'ed to the bridge's subnet; nothing of Docker's or netavark's is touched.
 */
public final class DnatForward {
  private final String chain;
  private final String bridge;
  private final Subnet subnet;

  /** @param tag what makes the chain this bridge's: a few characters of the network's id */
  public DnatForward(String tag, String bridge, Subnet subnet) {
    this.chain = "BERTH-FWD-" + tag;
    this.bridge = bridge;
    this.subnet = subnet;
  }

  public String chain() {
    return chain;
  }

  /** Makes the chain, its rule and the jump; what a crash left is made anew, never twice. */
  public synchronized void install() {
    iptables(false, "-N", chain);
    iptables(true, "-F", chain);
    iptables(true, "-A", chain, "-d", subnet.cidr(), "-o", bridge, "-m", "conntrack", "--ctstate", "DNAT",
        "-j", "ACCEPT");
    if (!iptables(false, "-C", "FORWARD", "-j", chain)) {
      iptables(true, "-I", "FORWARD", "1", "-j", chain);
    }
  }

  /** Takes the jump and the chain away; one already gone is no error. */
  public synchronized void remove() {
    while (iptables(false, "-D", "FORWARD", "-j", chain)) {
      // a jump added twice by hand goes too
    }
    iptables(false, "-F", chain);
    iptables(false, "-X", chain);
  }

  private static boolean iptables(boolean required, String... args) {
    List<String> argv = new ArrayList<>(List.of("iptables", "-w"));
    argv.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new SystemException(String.join(" ", argv) + " did not finish");
      }
      if (p.exitValue() != 0 && required) {
        throw new SystemException(String.join(" ", argv) + ": " + out);
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      if (required) {
        throw new SystemException("cannot run iptables: " + e.getMessage(), e);
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted while running iptables", e);
    }
  }
}
