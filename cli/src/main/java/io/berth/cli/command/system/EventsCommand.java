package io.berth.cli.command.system;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.Template;
import io.berth.cli.format.TemplateException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth events}: each event as docker prints it, or through a template, as it comes. */
public final class EventsCommand extends Command {
  private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

  public EventsCommand() {
    flags.value("f", "filter", "filter", null, "Filter output based on conditions provided")
        .string(null, "format", "Format output using a custom template:\n"
            + "'json':             Print in JSON format\n"
            + "'TEMPLATE':         Print output using the given Go template.")
        .string(null, "since", "Show all events created since timestamp")
        .string(null, "until", "Stream events until this timestamp");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Get real time events from the server";
  }

  @Override
  public String aliases() {
    return "berth system events, berth events";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) throws IOException {
    String format = p.string("format", "");
    Template template = null;
    if (!format.isEmpty() && !format.equals("json")) {
      try {
        template = Template.parse(format);
      } catch (TemplateException e) {
        throw new StatusError("template parsing error: " + e.getMessage(), 64);
      }
    }
    try (InputStream in = cli.client().containers().events(p.string("since", null), p.string("until", null),
        FilterFlag.parse(p.list("filter")));
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (format.equals("json")) {
          cli.out().println(line);
        } else if (template != null) {
          try {
            cli.out().println(template.execute(goFields(JsonValues.parse(line.getBytes(StandardCharsets.UTF_8)))));
          } catch (TemplateException e) {
            throw new StatusError("template parsing error: " + e.getMessage(), 64);
          }
        } else {
          cli.out().println(pretty(JsonValues.parse(line.getBytes(StandardCharsets.UTF_8))));
        }
        cli.out().flush();
      }
    }
    return 0;
  }

  /** The event under the Go field names templates use ({@code .Time}, {@code .Actor.ID}...). */
  private static Map<String, Object> goFields(Object e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Status", JsonValues.string(e, "status"));
    m.put("ID", JsonValues.string(e, "id"));
    m.put("From", JsonValues.string(e, "from"));
    m.put("Type", JsonValues.string(e, "Type"));
    m.put("Action", JsonValues.string(e, "Action"));
    m.put("Actor", JsonValues.at(e, "Actor"));
    m.put("Scope", JsonValues.string(e, "scope"));
    m.put("Time", JsonValues.at(e, "time"));
    m.put("TimeNano", JsonValues.at(e, "timeNano"));
    return m;
  }

  /** docker's line: the time to the nanosecond, type, action, actor, then its sorted attributes. */
  static String pretty(Object e) {
    StringBuilder sb = new StringBuilder();
    Object nano = JsonValues.at(e, "timeNano");
    if (nano instanceof Number n && n.longValue() != 0) {
      Instant t = Instant.ofEpochSecond(0, n.longValue());
      sb.append(FIXED.format(t.atZone(ZoneId.systemDefault()))).append(' ');
    }
    sb.append(JsonValues.string(e, "Type")).append(' ').append(JsonValues.string(e, "Action")).append(' ')
        .append(JsonValues.string(e, "Actor", "ID"));
    if (JsonValues.at(e, "Actor", "Attributes") instanceof Map<?, ?> attrs && !attrs.isEmpty()) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(attrs).forEach((k, v) -> parts.add(k + "=" + v));
      sb.append(" (").append(String.join(", ", parts)).append(')');
    }
    return sb.toString();
  }
}
