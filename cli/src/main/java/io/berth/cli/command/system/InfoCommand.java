package io.berth.cli.command.system;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.Template;
import io.berth.cli.format.TemplateException;
import io.berth.cli.format.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code berth info}: the part of docker's info text that describes a Berth daemon. */
public final class InfoCommand extends Command {
  public InfoCommand() {
    flags.string("f", "format", "Format output using a custom template:\n"
        + "'json':             Print in JSON format\n"
        + "'TEMPLATE':         Print output using the given Go template.");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Display system-wide information";
  }

  @Override
  public String aliases() {
    return "berth system info, berth info";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String format = p.string("format", "");
    if (!format.isEmpty()) {
      return formatted(cli, format);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Client:\n");
    sb.append(" Version:    ").append(Main.VERSION).append('\n');
    sb.append(" Context:    default\n");
    sb.append(" Debug Mode: ").append(cli.debug()).append("\n\n");
    sb.append("Server:\n");
    Map<String, Object> info;
    try {
      info = JsonValues.object(cli.client().system().infoRaw());
    } catch (RuntimeException e) {
      cli.out().print(sb);
      cli.out().flush();
      throw new StatusError(Main.message(e), 1);
    }
    server(sb, info);
    cli.out().print(sb);
    cli.out().flush();
    for (Object w : list(info, "Warnings")) {
      cli.err().println(String.valueOf(w));
    }
    return 0;
  }

  private static void server(StringBuilder sb, Map<String, Object> i) {
    line(sb, " Containers:", num(i, "Containers"));
    line(sb, "  Running:", num(i, "ContainersRunning"));
    line(sb, "  Paused:", num(i, "ContainersPaused"));
    line(sb, "  Stopped:", num(i, "ContainersStopped"));
    line(sb, " Images:", num(i, "Images"));
    nonEmpty(sb, " Server Version:", JsonValues.string(i, "ServerVersion"));
    nonEmpty(sb, " Storage Driver:", JsonValues.string(i, "Driver"));
    for (Object pair : list(i, "DriverStatus")) {
      if (pair instanceof List<?> kv && kv.size() == 2) {
        sb.append("  ").append(kv.get(0)).append(": ").append(kv.get(1)).append('\n');
      }
    }
    nonEmpty(sb, " Logging Driver:", JsonValues.string(i, "LoggingDriver"));
    nonEmpty(sb, " Cgroup Driver:", JsonValues.string(i, "CgroupDriver"));
    nonEmpty(sb, " Cgroup Version:", JsonValues.string(i, "CgroupVersion"));
    sb.append(" Plugins:\n");
    line(sb, "  Volume:", join(JsonValues.at(i, "Plugins", "Volume")));
    line(sb, "  Network:", join(JsonValues.at(i, "Plugins", "Network")));
    line(sb, "  Log:", join(JsonValues.at(i, "Plugins", "Log")));
    String swarm = JsonValues.string(i, "Swarm", "LocalNodeState");
    line(sb, " Swarm:", swarm.isEmpty() ? "inactive" : swarm);
    if (i.get("Runtimes") instanceof Map<?, ?> runtimes && !runtimes.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Object k : runtimes.keySet()) {
        names.add(String.valueOf(k));
      }
      line(sb, " Runtimes:", String.join(" ", names));
      line(sb, " Default Runtime:", JsonValues.string(i, "DefaultRuntime"));
    }
    nonEmpty(sb, " Kernel Version:", JsonValues.string(i, "KernelVersion"));
    nonEmpty(sb, " Operating System:", JsonValues.string(i, "OperatingSystem"));
    nonEmpty(sb, " OSType:", JsonValues.string(i, "OSType"));
    nonEmpty(sb, " Architecture:", JsonValues.string(i, "Architecture"));
    line(sb, " CPUs:", num(i, "NCPU"));
    line(sb, " Total Memory:", Units.bytesSize(JsonValues.number(i, "MemTotal")));
    nonEmpty(sb, " Name:", JsonValues.string(i, "Name"));
    nonEmpty(sb, " ID:", JsonValues.string(i, "ID"));
    line(sb, " Docker Root Dir:", JsonValues.string(i, "DockerRootDir"));
    line(sb, " Debug Mode:", Boolean.toString(JsonValues.bool(i, "Debug")));
    List<?> labels = list(i, "Labels");
    if (!labels.isEmpty()) {
      sb.append(" Labels:\n");
      for (Object l : labels) {
        sb.append("  ").append(l).append('\n');
      }
    }
    line(sb, " Experimental:", Boolean.toString(JsonValues.bool(i, "ExperimentalBuild")));
    line(sb, " Live Restore Enabled:", Boolean.toString(JsonValues.bool(i, "LiveRestoreEnabled")));
    sb.append('\n');
  }

  private int formatted(Cli cli, String format) {
    Template t;
    try {
      t = Template.parse(format.equals("json") ? "{{json .}}" : format);
    } catch (TemplateException e) {
      throw new StatusError("template parsing error: " + e.getMessage(), 64);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.putAll(JsonValues.object(cli.client().system().infoRaw()));
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("Debug", cli.debug());
    client.put("Version", Main.VERSION);
    client.put("Context", "default");
    data.put("ClientInfo", client);
    try {
      cli.out().println(t.execute(data));
    } catch (TemplateException e) {
      throw new StatusError(e.getMessage(), 1);
    }
    return 0;
  }

  /** Go's Fprintln of two operands: a space between, a newline after. */
  private static void line(StringBuilder sb, String label, String value) {
    sb.append(label).append(' ').append(value).append('\n');
  }

  private static void nonEmpty(StringBuilder sb, String label, String value) {
    if (!value.isEmpty()) {
      line(sb, label, value);
    }
  }

  private static String join(Object list) {
    List<String> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object n : l) {
        out.add(String.valueOf(n));
      }
    }
    return String.join(" ", out);
  }

  private static String num(Map<String, Object> i, String key) {
    return Long.toString(JsonValues.number(i, key));
  }

  private static List<?> list(Map<String, Object> i, String key) {
    return i.get(key) instanceof List<?> l ? l : List.of();
  }
}
