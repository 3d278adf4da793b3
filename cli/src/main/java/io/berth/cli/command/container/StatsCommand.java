package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.Display;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code berth stats}: each container's reading computed as docker's client computes it (CPU
 * over the reading's interval, memory without the inactive file cache), in docker's table.
 * Without {@code --no-stream} the table is redrawn as readings come.
 */
public final class StatsCommand extends Command {
  static final String TABLE = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t"
      + "{{.BlockIO}}\t{{.PIDs}}";
  static final Formatter.Header HEADER = new Formatter.Header(Map.of("Container", "CONTAINER", "Name", "NAME",
      "ID", "CONTAINER ID", "CPUPerc", "CPU %", "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O",
      "BlockIO", "BLOCK I/O", "PIDs", "PIDS"));

  public StatsCommand() {
    flags.bool("a", "all", "Show all containers (default shows just running)")
        .string(null, "format", "Format output using a custom template")
        .bool(null, "no-stream", "Disable streaming stats and only pull the first result")
        .bool(null, "no-trunc", "Do not truncate output");
  }

  @Override
  public String use() {
    return "[OPTIONS] [CONTAINER...]";
  }

  @Override
  public String description() {
    return "Display a live stream of container(s) resource usage statistics";
  }

  @Override
  public String aliases() {
    return "berth container stats, berth stats";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(0);
  }

  @Override
  public int run(Cli cli, Parsed p) throws Exception {
    List<String> names = new ArrayList<>(p.args());
    if (names.isEmpty()) {
      Object list = JsonValues.parse(cli.client().containers().listRaw(
          new io.berth.client.Containers.ListOptions(p.bool("all"), -1, false, Map.of())));
      if (list instanceof List<?> l) {
        for (Object c : l) {
          names.add(JsonValues.string(c, "Id"));
        }
      }
    }
    String format = p.string("format", "");
    if (format.isEmpty() || format.equals("table")) {
      format = TABLE;
    }
    boolean trunc = !p.bool("no-trunc");
    while (true) {
      List<Row> rows = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (String n : names) {
        try {
          rows.add(new Row(n, JsonValues.parse(cli.client().containers().statsOnce(n)), trunc));
        } catch (RuntimeException e) {
          errors.add(Main.message(e));
        }
      }
      if (!errors.isEmpty()) {
        throw new StatusError(String.join("\n", errors), 1);
      }
      String table = Formatter.render(format, HEADER, rows);
      if (p.bool("no-stream")) {
        cli.out().print(table);
        return 0;
      }
      // as docker redraws: home, each line cleared to its end, the rest of the screen cleared
      StringBuilder frame = new StringBuilder("\033[H");
      table.lines().forEach(l -> frame.append(l).append("\033[K\n"));
      cli.out().print(frame.append("\033[J"));
      cli.out().flush();
      Thread.sleep(300);
    }
  }

  /** One container's reading, with docker's statsContext fields. */
  record Row(String container, Object s, boolean trunc) implements TemplateObject {
    @Override
    public Object field(String name) {
      return switch (name) {
        case "Container" -> container;
        case "Name" -> {
          String n = JsonValues.string(s, "name");
          yield n.length() > 1 ? n.substring(1) : "--";
        }
        case "ID" -> trunc ? Display.truncateId(JsonValues.string(s, "id")) : JsonValues.string(s, "id");
        case "CPUPerc" -> String.format("%.2f%%", cpu());
        case "MemUsage" -> Units.bytesSize(memory()) + " / " + Units.bytesSize(number("memory_stats", "limit"));
        case "MemPerc" -> {
          double limit = number("memory_stats", "limit");
          yield String.format("%.2f%%", limit > 0 ? memory() / limit * 100 : 0.0);
        }
        case "NetIO" -> Units.humanSize(net("rx_bytes"), 3) + " / " + Units.humanSize(net("tx_bytes"), 3);
        case "BlockIO" -> Units.humanSize(io("read"), 3) + " / " + Units.humanSize(io("write"), 3);
        case "PIDs" -> Long.toString((long) number("pids_stats", "current"));
        default -> MISSING;
      };
    }

    private double number(String... keys) {
      return JsonValues.at(s, keys) instanceof Number n ? n.doubleValue() : 0;
    }

    private double cpu() {
      double cpuDelta = number("cpu_stats", "cpu_usage", "total_usage") - number("precpu_stats", "cpu_usage", "total_usage");
      double systemDelta = number("cpu_stats", "system_cpu_usage") - number("precpu_stats", "system_cpu_usage");
      double cpus = number("cpu_stats", "online_cpus");
      return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * cpus * 100 : 0;
    }

    /** Usage without the inactive file cache, as docker's client counts it. */
    private double memory() {
      double usage = number("memory_stats", "usage");
      for (String key : List.of("total_inactive_file", "inactive_file")) {
        if (JsonValues.at(s, "memory_stats", "stats", key) instanceof Number n && n.doubleValue() < usage) {
          return usage - n.doubleValue();
        }
      }
      return usage;
    }

    private double net(String key) {
      double sum = 0;
      if (JsonValues.at(s, "networks") instanceof Map<?, ?> nets) {
        for (Object n : nets.values()) {
          sum += JsonValues.at(n, key) instanceof Number v ? v.doubleValue() : 0;
        }
      }
      return sum;
    }

    private double io(String op) {
      double sum = 0;
      if (JsonValues.at(s, "blkio_stats", "io_service_bytes_recursive") instanceof List<?> entries) {
        for (Object e : entries) {
          if (op.equalsIgnoreCase(JsonValues.string(e, "op")) && JsonValues.at(e, "value") instanceof Number v) {
            sum += v.doubleValue();
          }
        }
      }
      return sum;
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      for (String f : List.of("BlockIO", "CPUPerc", "Container", "ID", "MemPerc", "MemUsage", "Name", "NetIO", "PIDs")) {
        m.put(f, field(f));
      }
      return m;
    }

    @Override
    public String typeName() {
      return "*container.statsContext";
    }
  }
}
