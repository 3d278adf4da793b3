package io.berth.cli.format;

import java.util.List;
import java.util.Map;

/**
 * docker's formatter.Context: a {@code --format} value ({@code table ...}, {@code json}, or a
 * template) applied to each row; tables get a header row and elastic columns.
 */
public final class Formatter {
  private Formatter() {}

  /** A row type's header names, e.g. {@code ID -> CONTAINER ID}. */
  public record Header(Map<String, String> names) implements TemplateObject {
    @Override
    public Object field(String name) {
      String v = names.get(name);
      return v == null ? GoValues.NO_VALUE : v;
    }

    /** {@code {{.Label "com.example.foo"}}} heads its column {@code foo}. */
    @Override
    public Object call(String name, List<Object> args) {
      if (name.equals("Label") && args.size() == 1) {
        String s = String.valueOf(args.getFirst());
        s = s.substring(s.lastIndexOf('.') + 1);
        return s.replace('-', ' ').replace('_', ' ');
      }
      return MISSING;
    }

    @Override
    public Map<String, Object> toJson() {
      return Map.copyOf(names);
    }

    @Override
    public String typeName() {
      return "formatter.SubHeaderContext";
    }
  }

  public static boolean isTable(String format) {
    return format.startsWith("table");
  }

  /** Renders all rows; template errors surface as docker words them. */
  public static String render(String format, Header header, List<? extends TemplateObject> rows) {
    String body = format;
    boolean table = isTable(format);
    if (table) {
      body = body.substring("table".length());
    } else if (format.equals("json")) {
      body = "{{json .}}";
    }
    body = body.strip().replace("\\t", "\t").replace("\\n", "\n");
    Template t;
    try {
      t = Template.parse(body);
    } catch (TemplateException e) {
      throw new TemplateException("template parsing error: " + e.getMessage());
    }
    StringBuilder buf = new StringBuilder();
    for (TemplateObject row : rows) {
      try {
        buf.append(t.execute(row)).append('\n');
      } catch (TemplateException e) {
        throw new TemplateException("template parsing error: " + e.getMessage());
      }
    }
    if (!table) {
      return buf.toString();
    }
    TabWriter w = TabWriter.table();
    w.write(t.execute(header, TemplateFuncs.HEADER)).write("\n").write(buf.toString());
    return w.flush();
  }
}
