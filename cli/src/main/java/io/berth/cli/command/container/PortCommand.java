package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.GoParse;
import io.berth.cli.flags.Parsed;
import io.berth.client.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code berth port}: a container's published ports ({@code 80/tcp -> 0.0.0.0:8080}), or the host
 * side of one, as docker prints them, in natural order.
 */
public final class PortCommand extends Command {
  @Override
  public String use() {
    return "CONTAINER [PRIVATE_PORT[/PROTO]]";
  }

  @Override
  public String description() {
    return "List port mappings or a specific mapping for the container";
  }

  @Override
  public String aliases() {
    return "berth container port, berth port";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.between(1, 2);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String container = p.args().getFirst();
    Map<String, Object> inspect = JsonReader.object(cli.client().containers().inspectRaw(container, false));
    Map<?, ?> ports = inspect.get("NetworkSettings") instanceof Map<?, ?> ns && ns.get("Ports") instanceof Map<?, ?> m
        ? m : Map.of();
    List<String> out = new ArrayList<>();
    if (p.args().size() > 1) {
      String arg = p.args().get(1);
      int slash = arg.indexOf('/');
      String port = slash < 0 ? arg : arg.substring(0, slash);
      String proto = slash < 0 || slash == arg.length() - 1 ? "tcp" : arg.substring(slash + 1);
      try {
        GoParse.parseUint(port, 10, 16);
      } catch (IllegalArgumentException e) {
        throw new StatusError("Error: invalid port (" + port + "): " + e.getMessage(), 1);
      }
      List<?> frontends = ports.get(port + "/" + proto) instanceof List<?> l ? l : List.of();
      if (frontends.isEmpty()) {
        throw new StatusError("Error: No public port '" + arg + "' published for " + container, 1);
      }
      for (Object f : frontends) {
        out.add(hostPort(f));
      }
    } else {
      for (Map.Entry<?, ?> e : ports.entrySet()) {
        if (e.getValue() instanceof List<?> frontends) {
          for (Object f : frontends) {
            out.add(e.getKey() + " -> " + hostPort(f));
          }
        }
      }
    }
    out.sort(PortCommand::naturalLess);
    if (!out.isEmpty()) {
      cli.out().println(String.join("\n", out));
    }
    return 0;
  }

  /** Go's net.JoinHostPort: an IPv6 address in brackets. */
  private static String hostPort(Object frontend) {
    Map<?, ?> f = (Map<?, ?>) frontend;
    String ip = String.valueOf(f.get("HostIp"));
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + f.get("HostPort");
  }

  /** docker's sortorder.NaturalLess: runs of digits compare as numbers. */
  public static int naturalLess(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
