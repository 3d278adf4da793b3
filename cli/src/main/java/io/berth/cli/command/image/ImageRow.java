package io.berth.cli.command.image;

import io.berth.cli.format.Display;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One {@code images} row (an image may give several: one per repository and tag). */
public record ImageRow(Map<String, Object> i, String repo, String tag, String digest, boolean trunc, Instant now)
    implements TemplateObject {
  public static final Formatter.Header HEADER = new Formatter.Header(Map.ofEntries(
      Map.entry("ID", "IMAGE ID"), Map.entry("Repository", "REPOSITORY"), Map.entry("Tag", "TAG"),
      Map.entry("Digest", "DIGEST"), Map.entry("CreatedSince", "CREATED"), Map.entry("CreatedAt", "CREATED AT"),
      Map.entry("Size", "SIZE"), Map.entry("Containers", "CONTAINERS"), Map.entry("VirtualSize", "SIZE"),
      Map.entry("SharedSize", "SHARED SIZE"), Map.entry("UniqueSize", "UNIQUE SIZE")));

  private static final List<String> FIELDS = List.of("Containers", "CreatedAt", "CreatedSince", "Digest", "ID",
      "Repository", "SharedSize", "Size", "Tag", "UniqueSize", "VirtualSize");

  @Override
  public Object field(String name) {
    return switch (name) {
      case "ID" -> trunc ? Display.truncateId(JsonValues.string(i, "Id")) : JsonValues.string(i, "Id");
      case "Repository" -> repo;
      case "Tag" -> tag;
      case "Digest" -> digest;
      case "CreatedSince" -> Display.ago(num("Created"), now);
      case "CreatedAt" -> Display.goTime(num("Created"));
      // docker gives SIZE three significant digits and the others four
      case "Size" -> Units.humanSize(num("Size"), 3);
      case "VirtualSize" -> Units.humanSize(num("Size"), 4);
      case "SharedSize" -> num("SharedSize") == -1 ? "N/A" : Units.humanSize(num("SharedSize"), 4);
      case "UniqueSize" -> num("Size") == -1 || num("SharedSize") == -1 ? "N/A"
          : Units.humanSize(num("Size") - num("SharedSize"), 4);
      case "Containers" -> num("Containers") == -1 ? "N/A" : Long.toString(num("Containers"));
      default -> MISSING;
    };
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> m = new TreeMap<>();
    for (String f : FIELDS) {
      m.put(f, field(f));
    }
    return m;
  }

  private long num(String key) {
    return JsonValues.number(i, key);
  }

  @Override
  public String typeName() {
    return "*formatter.imageContext";
  }
}
