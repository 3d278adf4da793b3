package io.berth.cli.command.system;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonIndent;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.Template;
import io.berth.cli.format.TemplateException;
import io.berth.common.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code berth inspect}, {@code container inspect} and {@code image inspect}: the daemon's raw
 * documents as an indented JSON array, or a template applied to each. Without a type, a name is
 * tried as a container, then as an image.
 */
public final class InspectCommand extends Command {
  private static final List<String> TYPES = List.of("config", "container", "image", "network", "node", "plugin",
      "secret", "service", "task", "volume");

  private final String kind;

  /** {@code kind} is "container", "image", or null for the top-level, autodetecting verb. */
  public InspectCommand(String kind) {
    this.kind = kind;
    flags.string("f", "format", "Format output using a custom template:\n"
        + "'json':             Print in JSON format\n"
        + "'TEMPLATE':         Print output using the given Go template.");
    if ("network".equals(kind)) {
      flags.bool("v", "verbose", "Verbose output for diagnostics");
    } else if (!"image".equals(kind) && !"volume".equals(kind)) {
      flags.bool("s", "size", kind == null ? "Display total file sizes if the type is container" : "Display total file sizes");
    }
    if (kind == null) {
      flags.string(null, "type", "Only inspect objects of the given type");
    }
  }

  @Override
  public String use() {
    return kind == null ? "[OPTIONS] NAME|ID [NAME|ID...]"
        : kind.equals("image") ? "[OPTIONS] IMAGE [IMAGE...]"
        : kind.equals("network") ? "[OPTIONS] NETWORK [NETWORK...]"
        : kind.equals("volume") ? "[OPTIONS] VOLUME [VOLUME...]" : "[OPTIONS] CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return kind == null ? "Return low-level information on Berth objects"
        : "Display detailed information on one or more " + kind + "s";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String type = kind != null ? kind : p.string("type", "");
    if (!type.isEmpty() && !TYPES.contains(type)) {
      throw new StatusError("unknown type: \"" + type + "\": must be one of \"" + String.join("\", \"", TYPES) + "\"", 1);
    }
    String format = p.string("format", "");
    Template template = null;
    if (!format.isEmpty() && !format.equals("json")) {
      try {
        template = Template.parse(format);
      } catch (TemplateException e) {
        throw new StatusError("template parsing error: " + e.getMessage(), 64);
      }
    }
    boolean size = p.bool("size");
    List<byte[]> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    StringBuilder templated = new StringBuilder();
    for (String ref : p.args()) {
      try {
        byte[] raw = fetch(cli, ref, type, size);
        if (template == null) {
          found.add(raw);
        } else {
          templated.append(template.execute(JsonValues.parse(raw))).append('\n');
        }
      } catch (TemplateException e) {
        errors.add("template parsing error: " + e.getMessage());
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    if (template != null) {
      cli.out().print(templated.isEmpty() ? "\n" : templated);
    } else {
      cli.out().print(array(found, format.equals("json")));
    }
    if (!errors.isEmpty()) {
      throw new StatusError(String.join("\n", errors), 1);
    }
    return 0;
  }

  private static byte[] fetch(Cli cli, String ref, String type, boolean size) {
    switch (type) {
      case "container" -> {
        return cli.client().containers().inspectRaw(ref, size);
      }
      case "image" -> {
        return cli.client().images().inspectRaw(ref);
      }
      case "network" -> {
        return cli.client().networks().inspectRaw(ref);
      }
      case "volume" -> {
        return cli.client().volumes().inspectRaw(ref);
      }
      case "" -> {
        try {
          return cli.client().containers().inspectRaw(ref, size);
        } catch (NotFoundException e) {
          // not a container: an image or a network, then
        }
        try {
          byte[] raw = cli.client().images().inspectRaw(ref);
          if (size) {
            cli.err().println("WARNING: --size ignored for image");
          }
          return raw;
        } catch (NotFoundException e) {
          // nor an image: a network is the last kind Berth has
        }
        try {
          return cli.client().networks().inspectRaw(ref);
        } catch (NotFoundException e) {
          // nor a network: a volume is the last kind Berth has
        }
        try {
          return cli.client().volumes().inspectRaw(ref);
        } catch (NotFoundException e) {
          throw new StatusError("Error: No such object: " + ref, 1);
        }
      }
      default -> throw new NotFoundException("No such " + type + ": " + ref);
    }
  }

  /** The raw documents joined into one array, indented like docker's json.Indent (or compact). */
  static String array(List<byte[]> raws, boolean compact) {
    if (raws.isEmpty()) {
      return "[]\n";
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < raws.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(new String(raws.get(i), StandardCharsets.UTF_8));
    }
    sb.append(']');
    return (compact ? JsonIndent.compact(sb.toString()) : JsonIndent.indent(sb.toString(), "    ")) + "\n";
  }
}
