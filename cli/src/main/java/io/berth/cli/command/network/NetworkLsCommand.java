package io.berth.cli.command.network;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.Display;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TemplateObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth network ls}: the daemon's networks, by name, as docker lists them. */
public final class NetworkLsCommand extends Command {
  static final String TABLE = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
  static final Formatter.Header HEADER = new Formatter.Header(Map.of("ID", "NETWORK ID", "Name", "NAME",
      "Driver", "DRIVER", "Scope", "SCOPE", "IPv4", "IPV4", "IPv6", "IPV6", "Internal", "INTERNAL",
      "Labels", "LABELS", "CreatedAt", "CREATED AT"));

  public NetworkLsCommand() {
    flags.value("f", "filter", "filter", null, "Provide filter values (e.g. \"driver=bridge\")")
        .string(null, "format", "Format output using a custom template")
        .bool(null, "no-trunc", "Do not truncate the output")
        .bool("q", "quiet", "Only display network IDs");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "List networks";
  }

  @Override
  public String aliases() {
    return "berth network ls, berth network list";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    Object list = JsonValues.parse(cli.client().networks().listRaw(FilterFlag.parse(p.list("filter"))));
    List<Row> rows = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object o : l) {
        rows.add(new Row(o, !p.bool("no-trunc")));
      }
    }
    rows.sort(Comparator.comparing(r -> JsonValues.string(r.n(), "Name")));
    String format = p.string("format", "");
    if (format.isEmpty() || format.equals("table")) {
      format = p.bool("quiet") ? "{{.ID}}" : TABLE;
    }
    cli.out().print(Formatter.render(format, HEADER, rows));
    return 0;
  }

  /** One network, with docker's networkContext fields. */
  record Row(Object n, boolean trunc) implements TemplateObject {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern(" Z z");

    @Override
    public Object field(String name) {
      return switch (name) {
        case "ID" -> trunc ? Display.truncateId(JsonValues.string(n, "Id")) : JsonValues.string(n, "Id");
        case "Name" -> JsonValues.string(n, "Name");
        case "Driver" -> JsonValues.string(n, "Driver");
        case "Scope" -> JsonValues.string(n, "Scope");
        case "IPv4" -> Boolean.toString(JsonValues.bool(n, "EnableIPv4"));
        case "IPv6" -> Boolean.toString(JsonValues.bool(n, "EnableIPv6"));
        case "Internal" -> Boolean.toString(JsonValues.bool(n, "Internal"));
        case "Labels" -> labels();
        case "CreatedAt" -> createdAt();
        default -> MISSING;
      };
    }

    @Override
    public Object call(String name, List<Object> args) {
      if (name.equals("Label") && args.size() == 1) {
        return JsonValues.string(n, "Labels", String.valueOf(args.getFirst()));
      }
      return MISSING;
    }

    private String labels() {
      List<String> out = new ArrayList<>();
      if (JsonValues.at(n, "Labels") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> out.add(k + "=" + v));
      }
      return String.join(",", out);
    }

    /** Go's {@code Time.String()}: fractional seconds without trailing zeros. */
    private String createdAt() {
      var t = Instant.parse(JsonValues.string(n, "Created")).atZone(ZoneId.systemDefault());
      String fraction = t.getNano() == 0 ? "" : String.format(".%09d", t.getNano()).replaceFirst("0+$", "");
      return SECONDS.format(t) + fraction + ZONE.format(t);
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      for (String f : List.of("CreatedAt", "Driver", "ID", "IPv4", "IPv6", "Internal", "Labels", "Name", "Scope")) {
        m.put(f, field(f));
      }
      return m;
    }

    @Override
    public String typeName() {
      return "*network.networkContext";
    }
  }
}
