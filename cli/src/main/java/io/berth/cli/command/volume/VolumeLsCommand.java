package io.berth.cli.command.volume;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TemplateObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth volume ls}: the volumes, in docker's natural order of names. */
public final class VolumeLsCommand extends Command {
  static final String TABLE = "table {{.Driver}}\t{{.Name}}";
  static final Formatter.Header HEADER = new Formatter.Header(Map.of("Name", "VOLUME NAME", "Driver", "DRIVER",
      "Scope", "SCOPE", "Mountpoint", "MOUNTPOINT", "Labels", "LABELS", "Links", "LINKS", "Size", "SIZE",
      "Group", "GROUP", "Availability", "AVAILABILITY", "Status", "STATUS"));

  public VolumeLsCommand() {
    flags.bool(null, "cluster", "Display only cluster volumes, and use cluster volume list formatting")
        .value("f", "filter", "filter", null, "Provide filter values (e.g. \"dangling=true\")")
        .string(null, "format", "Format output using a custom template")
        .bool("q", "quiet", "Only display volume names");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "List volumes";
  }

  @Override
  public String aliases() {
    return "berth volume ls, berth volume list";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    Object list = JsonValues.at(JsonValues.parse(cli.client().volumes().listRaw(FilterFlag.parse(p.list("filter")))),
        "Volumes");
    List<Row> rows = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object o : l) {
        rows.add(new Row(o));
      }
    }
    rows.sort((a, b) -> io.berth.cli.command.container.PortCommand.naturalLess(JsonValues.string(a.v(), "Name"),
        JsonValues.string(b.v(), "Name")));
    String format = p.string("format", "");
    if (format.isEmpty() || format.equals("table")) {
      format = p.bool("quiet") ? "{{.Name}}" : TABLE;
    }
    cli.out().print(Formatter.render(format, HEADER, rows));
    return 0;
  }

  /** One volume, with docker's volumeContext fields. */
  record Row(Object v) implements TemplateObject {
    @Override
    public Object field(String name) {
      return switch (name) {
        case "Name", "Driver", "Scope", "Mountpoint" -> JsonValues.string(v, name);
        case "Labels" -> labels();
        case "Links" -> usage("RefCount");
        case "Size" -> usage("Size");
        case "Group", "Availability", "Status" -> "N/A";
        default -> MISSING;
      };
    }

    private String usage(String key) {
      Object u = JsonValues.at(v, "UsageData");
      if (!(u instanceof Map<?, ?>)) {
        return "N/A";
      }
      Object n = JsonValues.at(u, key);
      long value = n instanceof Number num ? num.longValue() : -1;
      return key.equals("Size") ? io.berth.common.HumanSize.of(value, 4) : Long.toString(value);
    }

    @Override
    public Object call(String name, List<Object> args) {
      if (name.equals("Label") && args.size() == 1) {
        return JsonValues.string(v, "Labels", String.valueOf(args.getFirst()));
      }
      return MISSING;
    }

    private String labels() {
      List<String> out = new ArrayList<>();
      if (JsonValues.at(v, "Labels") instanceof Map<?, ?> m) {
        m.forEach((k, val) -> out.add(k + "=" + val));
      }
      return String.join(",", out);
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      for (String f : List.of("Availability", "Driver", "Group", "Labels", "Links", "Mountpoint", "Name", "Scope",
          "Size", "Status")) {
        m.put(f, field(f));
      }
      return m;
    }

    @Override
    public String typeName() {
      return "*formatter.volumeContext";
    }
  }
}
