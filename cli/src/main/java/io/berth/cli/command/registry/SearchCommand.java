package io.berth.cli.command.registry;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.auth.DockerConfig;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.Display;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TemplateObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth search TERM}: asks the daemon to search a registry's index. */
public final class SearchCommand extends Command {
  static final String TABLE = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}";
  static final Formatter.Header HEADER = new Formatter.Header(Map.of("Name", "NAME", "Description", "DESCRIPTION",
      "StarCount", "STARS", "IsOfficial", "OFFICIAL"));

  public SearchCommand() {
    flags.value("f", "filter", "filter", null, "Filter output based on conditions provided")
        .string(null, "format", "Pretty-print search using a Go template")
        .value(null, "limit", "int", null, "Max number of search results")
        .bool(null, "no-trunc", "Don't truncate output");
  }

  @Override
  public String use() {
    return "[OPTIONS] TERM";
  }

  @Override
  public String description() {
    return "Search Docker Hub for images";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    Map<String, List<String>> filters = FilterFlag.parse(p.list("filter"));
    if (filters.containsKey("is-automated")) {
      cli.err().println("WARNING: the \"is-automated\" filter is deprecated, and searching for "
          + "\"is-automated=true\" will not yield any results in future.");
    }
    String term = p.args().getFirst();
    String auth = DockerConfig.load(cli.env()).registryAuth(DockerConfig.serverKey(index(term)));
    Object results = JsonValues.parse(cli.client().system().searchRaw(term, p.integer("limit", 0), filters, auth));
    boolean trunc = !p.bool("no-trunc");
    List<Row> rows = new ArrayList<>();
    if (results instanceof List<?> list) {
      for (Object o : list) {
        rows.add(new Row(o, trunc, false));
      }
    }
    String format = p.string("format", "");
    cli.out().print(Formatter.render(format.isEmpty() || format.equals("table") ? TABLE : format, HEADER, rows));
    return 0;
  }

  /** The registry a term names, as the docker CLI reads it: Docker Hub unless the first part is a host. */
  static String index(String term) {
    int slash = term.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = term.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "docker.io";
  }

  /** One result, with docker's searchContext fields. */
  record Row(Object s, boolean trunc, boolean json) implements TemplateObject {
    @Override
    public Object field(String name) {
      return switch (name) {
        case "Name" -> JsonValues.string(s, "name");
        case "Description" -> description();
        case "StarCount" -> Long.toString(JsonValues.number(s, "star_count"));
        case "IsOfficial" -> flag(JsonValues.bool(s, "is_official"));
        default -> MISSING;
      };
    }

    private String description() {
      String d = JsonValues.string(s, "description").replace('\n', ' ').replace('\r', ' ');
      return trunc ? Display.ellipsis(d, 45) : d;
    }

    private String flag(boolean value) {
      return json ? Boolean.toString(value) : value ? "[OK]" : "";
    }

    /** As docker marshals it: flags as {@code true}/{@code false}, not {@code [OK]}. */
    @Override
    public Map<String, Object> toJson() {
      Row asJson = new Row(s, trunc, true);
      Map<String, Object> m = new TreeMap<>();
      for (String f : List.of("Description", "IsOfficial", "Name", "StarCount")) {
        m.put(f, asJson.field(f));
      }
      return m;
    }

    @Override
    public String typeName() {
      return "*registry.searchContext";
    }
  }
}
