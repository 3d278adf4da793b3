package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.Template;
import io.berth.cli.format.TemplateException;
import io.berth.cli.format.TemplateObject;
import io.berth.client.Containers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code berth ps}: the container table, byte for byte as docker prints it. */
public final class PsCommand extends Command {
  static final String DEFAULT_TABLE =
      "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

  public PsCommand() {
    flags.bool("a", "all", "Show all containers (default shows just running)")
        .value("f", "filter", "filter", null, "Filter output based on conditions provided")
        .string(null, "format", "Format output using a custom template:\n"
            + "'table':            Print output in table format with column headers (default)\n"
            + "'table TEMPLATE':   Print output in table format using the given Go template\n"
            + "'json':             Print in JSON format\n"
            + "'TEMPLATE':         Print output using the given Go template.")
        .value("n", "last", "int", "-1", "Show n last created containers (includes all states)")
        .bool("l", "latest", "Show the latest created container (includes all states)")
        .bool(null, "no-trunc", "Don't truncate output")
        .bool("q", "quiet", "Only display container IDs")
        .bool("s", "size", "Display total file sizes");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "List containers";
  }

  @Override
  public String aliases() {
    return "berth container ls, berth container list, berth container ps, berth ps";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    boolean quiet = p.bool("quiet");
    String format = p.string("format", "");
    int last = p.integer("last", -1);
    var filters = FilterFlag.parse(p.list("filter"));
    if (!format.isEmpty() && quiet) {
      cli.err().print("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
    }
    int limit = p.bool("latest") && last == -1 ? 1 : last;
    boolean size = p.bool("size");
    if (!format.isEmpty()) {
      boolean readsSize = probe(format);
      // --size=false given explicitly wins over the template
      if (!quiet && !size && !p.changed("size") && readsSize) {
        size = true;
      }
    }
    Object list = JsonValues.parse(cli.client().containers()
        .listRaw(new Containers.ListOptions(p.bool("all"), limit, size, filters)));
    String effective = effectiveFormat(format, quiet, size);
    boolean trunc = !p.bool("no-trunc");
    Instant now = Instant.now();
    List<ContainerRow> rows = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          rows.add(new ContainerRow(cast(m), trunc, now));
        }
      }
    }
    cli.out().print(Formatter.render(effective, ContainerRow.HEADER, rows));
    return 0;
  }

  /**
   * docker's check of a {@code --format} before it lists anything: the template, as given, is
   * parsed and run once on an empty container. Errors end the command; the answer says whether
   * the run read {@code .Size}, which makes docker ask the daemon for sizes.
   */
  static boolean probe(String format) {
    Template t;
    try {
      t = Template.parse(format);
    } catch (TemplateException e) {
      throw new TemplateException("failed to parse template: " + e.getMessage());
    }
    SizeProbe probe = new SizeProbe(new ContainerRow(Map.of(), false, Instant.now()));
    try {
      t.execute(probe);
    } catch (TemplateException e) {
      throw new TemplateException("failed to execute template: " + e.getMessage());
    }
    return probe.size;
  }

  /** An empty row that notes whether the template asked for its size, as docker's FieldsUsed. */
  private static final class SizeProbe implements TemplateObject {
    private final ContainerRow row;
    boolean size;

    SizeProbe(ContainerRow row) {
      this.row = row;
    }

    @Override
    public Object field(String name) {
      size |= name.equals("Size");
      return row.field(name);
    }

    @Override
    public Object call(String name, List<Object> args) {
      return row.call(name, args);
    }

    @Override
    public Map<String, Object> toJson() {
      // {{json .}} reads every field, Size included
      size = true;
      return row.toJson();
    }

    @Override
    public String typeName() {
      return row.typeName();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /** docker's NewContainerFormat. */
  static String effectiveFormat(String source, boolean quiet, boolean size) {
    if (source.isEmpty() || source.equals("table")) {
      if (quiet) {
        return "{{.ID}}";
      }
      return size ? DEFAULT_TABLE + "\t{{.Size}}" : DEFAULT_TABLE;
    }
    return quiet ? "{{.ID}}" : source;
  }
}
