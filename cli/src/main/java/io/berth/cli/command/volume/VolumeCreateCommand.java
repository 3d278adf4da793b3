package io.berth.cli.command.volume;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.client.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code berth volume create}: prints the volume's name (the daemon's, for an anonymous one). */
public final class VolumeCreateCommand extends Command {
  public VolumeCreateCommand() {
    flags.string("d", "driver", "Specify volume driver name")
        .list(null, "label", "Set metadata for a volume")
        .value("o", "opt", "map", "map[]", "Set driver specific options");
  }

  @Override
  public String use() {
    return "[OPTIONS] [VOLUME]";
  }

  @Override
  public String description() {
    return "Create a volume";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atMost(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    JsonWriter b = new JsonWriter().beginObject();
    if (!p.args().isEmpty()) {
      b.member("Name", p.args().getFirst());
    }
    b.member("Driver", p.string("driver", "local"));
    map(b, "DriverOpts", entries(p.list("opt")));
    Map<String, String> labels = entries(p.list("label"));
    for (String k : labels.keySet()) {
      if (k.isEmpty()) {
        throw new StatusError("invalid argument \"=" + labels.get(k) + "\" for \"--label\" flag: invalid label '="
            + labels.get(k) + "': empty name", 125);
      }
    }
    map(b, "Labels", labels);
    byte[] answer = cli.client().volumes().createRaw(b.endObject().toBytes());
    cli.out().println(JsonValues.string(JsonValues.parse(answer), "Name"));
    return 0;
  }

  private static Map<String, String> entries(List<String> values) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : values) {
      int eq = e.indexOf('=');
      m.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
    }
    return m;
  }

  /** Left out when empty, as docker's client sends them (the daemon then shows null). */
  private static void map(JsonWriter b, String name, Map<String, String> m) {
    if (m.isEmpty()) {
      return;
    }
    b.name(name).beginObject();
    m.forEach(b::member);
    b.endObject();
  }
}
