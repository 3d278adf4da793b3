package io.berth.daemon.network;

import io.berth.network.Subnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's IPv4 routes, from {@code /proc/net/route}: a network's subnet must not overlap one of
 * them, or its containers could not reach what the route leads to (dockerd checks the same).
 */
final class HostRoutes {
  private HostRoutes() {}

  static List<Subnet> ipv4() {
    List<Subnet> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/net/route")).stream().skip(1).toList()) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 8) {
          continue;
        }
        int dest = Integer.reverseBytes((int) Long.parseLong(f[1], 16));
        int mask = Integer.reverseBytes((int) Long.parseLong(f[7], 16));
        int prefix = Integer.bitCount(mask);
        if (prefix > 0 && prefix <= 30) {
          out.add(Subnet.parse(Subnet.format(dest) + "/" + prefix));
        }
      }
    } catch (IOException | RuntimeException e) {
      // no routes to avoid but Berth's own networks
    }
    return out;
  }
}
