package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.Display;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth history}: an image's steps, newest first, as docker prints them. */
public final class HistoryCommand extends Command {
  static final String DEFAULT_TABLE = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
  static final String NON_HUMAN_TABLE = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
  static final Formatter.Header HEADER = new Formatter.Header(Map.of("ID", "IMAGE", "CreatedSince", "CREATED",
      "CreatedAt", "CREATED AT", "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT"));

  public HistoryCommand() {
    flags.string(null, "format", "Format output using a custom template")
        .value("H", "human", "", "true", "Print sizes and dates in human readable format")
        .bool(null, "no-trunc", "Don't truncate output")
        .string(null, "platform", "Show history for the given platform")
        .bool("q", "quiet", "Only show image IDs");
  }

  @Override
  public String use() {
    return "[OPTIONS] IMAGE";
  }

  @Override
  public String description() {
    return "Show the history of an image";
  }

  @Override
  public String aliases() {
    return "berth image history, berth history";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    if (!p.string("platform", "").isEmpty()) {
      throw new StatusError("berth does not support --platform for history yet", 1);
    }
    boolean human = !p.string("human", "true").equals("false");
    boolean trunc = !p.bool("no-trunc");
    String format = p.string("format", "");
    if (format.isEmpty() || format.equals("table")) {
      format = p.bool("quiet") ? "{{.ID}}" : human ? DEFAULT_TABLE : NON_HUMAN_TABLE;
    }
    Object steps = JsonValues.parse(cli.client().images().historyRaw(p.args().getFirst()));
    List<Row> rows = new ArrayList<>();
    Instant now = Instant.now();
    if (steps instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> step = (Map<String, Object>) m;
          rows.add(new Row(step, human, trunc, now));
        }
      }
    }
    cli.out().print(Formatter.render(format, HEADER, rows));
    return 0;
  }

  /** One step, with docker's historyContext fields. */
  record Row(Map<String, Object> h, boolean human, boolean trunc, Instant now) implements TemplateObject {
    private static final int CREATED_BY_WIDTH = 45;

    @Override
    public Object field(String name) {
      return switch (name) {
        case "ID" -> trunc ? Display.truncateId(JsonValues.string(h, "Id")) : JsonValues.string(h, "Id");
        case "CreatedAt" -> createdAt();
        case "CreatedSince" -> human ? Display.ago(JsonValues.number(h, "Created"), now) : createdAt();
        case "CreatedBy" -> createdBy();
        case "Size" -> human ? Units.humanSize(JsonValues.number(h, "Size"), 3)
            : Long.toString(JsonValues.number(h, "Size"));
        case "Comment" -> JsonValues.string(h, "Comment");
        default -> MISSING;
      };
    }

    private String createdAt() {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
          Instant.ofEpochSecond(JsonValues.number(h, "Created")).atZone(ZoneId.systemDefault()).toOffsetDateTime())
          .replace("+00:00", "Z");
    }

    /** docker's Ellipsis: 45 characters at most, the last one an ellipsis when cut. */
    private String createdBy() {
      String s = JsonValues.string(h, "CreatedBy").replace('\t', ' ');
      if (!trunc || s.codePointCount(0, s.length()) <= CREATED_BY_WIDTH) {
        return s;
      }
      int end = s.offsetByCodePoints(0, CREATED_BY_WIDTH - 1);
      return s.substring(0, end) + "…";
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      for (String f : List.of("Comment", "CreatedAt", "CreatedBy", "CreatedSince", "ID", "Size")) {
        m.put(f, field(f));
      }
      return m;
    }

    @Override
    public String typeName() {
      return "*formatter.historyContext";
    }
  }
}
