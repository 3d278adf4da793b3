package io.berth.cli.command.network;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.client.json.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth network create}: docker's flags, and the request docker's client sends. */
public final class NetworkCreateCommand extends Command {
  public NetworkCreateCommand() {
    flags.bool(null, "attachable", "Enable manual container attachment")
        .value(null, "aux-address", "map", "map[]", "Auxiliary IPv4 or IPv6 addresses used by Network driver")
        .string(null, "config-from", "The network from which to copy the configuration")
        .bool(null, "config-only", "Create a configuration only network")
        .value("d", "driver", "string", "bridge", "Driver to manage the Network")
        .value(null, "gateway", "strings", null, "IPv4 or IPv6 Gateway for the master subnet")
        .bool(null, "ingress", "Create swarm routing-mesh network")
        .bool(null, "internal", "Restrict external access to the network")
        .value(null, "ip-range", "strings", null, "Allocate container ip from a sub-range")
        .value(null, "ipam-driver", "string", "default", "IP Address Management Driver")
        .value(null, "ipam-opt", "map", "map[]", "Set IPAM driver specific options")
        .boolDefaultTrue("ipv4", "Enable or disable IPv4 address assignment")
        .bool(null, "ipv6", "Enable or disable IPv6 address assignment")
        .list(null, "label", "Set metadata on a network")
        .value("o", "opt", "map", "map[]", "Set driver specific options")
        .string(null, "scope", "Control the network's scope")
        .value(null, "subnet", "strings", null, "Subnet in CIDR format that represents a network segment");
  }

  @Override
  public String use() {
    return "[OPTIONS] NETWORK";
  }

  @Override
  public String description() {
    return "Create a network";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    List<String> subnets = strings(p, "subnet");
    List<String> ranges = strings(p, "ip-range");
    List<String> gateways = strings(p, "gateway");
    if (subnets.size() < Math.max(ranges.size(), gateways.size())) {
      throw new StatusError("no matching subnet for " + (gateways.size() > subnets.size() ? "gateway " + gateways.get(
          subnets.size()) : "range " + ranges.get(subnets.size())), 1);
    }
    JsonWriter b = new JsonWriter().beginObject().member("Name", p.args().getFirst())
        .member("Driver", p.string("driver", "bridge")).member("Scope", p.string("scope", ""));
    if (p.changed("ipv4")) {
      b.member("EnableIPv4", p.bool("ipv4"));
    }
    if (p.changed("ipv6")) {
      b.member("EnableIPv6", p.bool("ipv6"));
    }
    b.name("IPAM").beginObject().member("Driver", p.string("ipam-driver", "default"));
    map(b, "Options", p.list("ipam-opt"));
    b.name("Config").beginArray();
    for (int i = 0; i < subnets.size(); i++) {
      b.beginObject().member("Subnet", subnets.get(i));
      if (i < ranges.size()) {
        b.member("IPRange", ranges.get(i));
      }
      if (i < gateways.size()) {
        b.member("Gateway", gateways.get(i));
      }
      b.endObject();
    }
    b.endArray().endObject();
    b.member("Internal", p.bool("internal")).member("Attachable", p.bool("attachable"))
        .member("Ingress", p.bool("ingress")).member("ConfigOnly", p.bool("config-only"));
    if (!p.string("config-from", "").isEmpty()) {
      b.name("ConfigFrom").beginObject().member("Network", p.string("config-from", "")).endObject();
    }
    map(b, "Options", p.list("opt"));
    map(b, "Labels", p.list("label"));
    byte[] answer = cli.client().networks().createRaw(b.endObject().toBytes());
    cli.out().println(JsonValues.string(JsonValues.parse(answer), "Id"));
    return 0;
  }

  /** A string-slice flag: each value split at commas, as pflag's StringSlice reads it. */
  private static List<String> strings(Parsed p, String name) {
    return p.list(name).stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).filter(v -> !v.isEmpty()).toList();
  }

  /** {@code key=value} entries as a JSON object ({@code key} alone: an empty value). */
  private static void map(JsonWriter b, String name, List<String> entries) {
    Map<String, String> m = new TreeMap<>();
    for (String e : entries) {
      int eq = e.indexOf('=');
      m.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
    }
    b.name(name).beginObject();
    m.forEach(b::member);
    b.endObject();
  }
}
