package io.berth.cli.command.system;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.ImageRef;
import io.berth.cli.command.container.ContainerRow;
import io.berth.cli.command.image.ImageRow;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.Template;
import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth system df}: what images, containers, volumes and the build cache take on disk. */
public final class DfCommand extends Command {
  static final String TABLE = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
  static final String RAW = "type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\n"
      + "reclaimable: {{.Reclaimable}}\n";
  static final Formatter.Header HEADER = new Formatter.Header(Map.of("Type", "TYPE", "TotalCount", "TOTAL",
      "Active", "ACTIVE", "Size", "SIZE", "Reclaimable", "RECLAIMABLE"));
  static final String IMAGES = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t"
      + "{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
  static final String CONTAINERS = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t"
      + "{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
  static final String VOLUMES = "table {{.Name}}\t{{.Links}}\t{{.Size}}";
  static final Formatter.Header VOLUME_HEADER = new Formatter.Header(Map.of("Name", "VOLUME NAME",
      "Links", "LINKS", "Size", "SIZE"));
  static final String BUILD_CACHE = "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t"
      + "{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}";
  static final Formatter.Header BUILD_CACHE_HEADER = new Formatter.Header(Map.of("ID", "CACHE ID",
      "CacheType", "CACHE TYPE", "Size", "SIZE", "CreatedSince", "CREATED", "LastUsedSince", "LAST USED",
      "UsageCount", "USAGE", "Shared", "SHARED"));

  public DfCommand() {
    flags.string(null, "format", "Format output using a custom template:\n"
            + "'table':            Print output in table format with column headers (default)\n"
            + "'table TEMPLATE':   Print output in table format using the given Go template\n"
            + "'json':             Print in JSON format\n"
            + "'TEMPLATE':         Print output using the given Go template.")
        .bool("v", "verbose", "Show detailed information on space usage");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Show berth disk usage";
  }

  @Override
  public String aliases() {
    return "berth system df";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    Map<String, Object> du = JsonValues.object(cli.client().system().diskUsageRaw());
    String format = p.string("format", "");
    if (format.isEmpty()) {
      format = "table";
    }
    boolean verbose = p.bool("verbose");
    if (!verbose) {
      cli.out().print(Formatter.render(format.equals("table") ? TABLE : format.equals("raw") ? RAW : format,
          HEADER, summary(du)));
      return 0;
    }
    Details d = details(du, Formatter.isTable(format), Instant.now());
    if (!format.equals("table")) {
      cli.out().print(Template.parse(format.equals("json") ? "{{json .}}" : format).execute(d));
      return 0;
    }
    StringBuilder sb = new StringBuilder("Images space usage:\n\n");
    sb.append(Formatter.render(IMAGES, ImageRow.HEADER, d.images()));
    sb.append("\nContainers space usage:\n\n");
    sb.append(Formatter.render(CONTAINERS, ContainerRow.HEADER, d.containers()));
    sb.append("\nLocal Volumes space usage:\n\n");
    sb.append(Formatter.render(VOLUMES, VOLUME_HEADER, List.of()));
    sb.append("\nBuild cache usage: ").append(Units.humanSize(0, 4)).append("\n\n");
    sb.append(Formatter.render(BUILD_CACHE, BUILD_CACHE_HEADER, List.of()));
    cli.out().print(sb);
    return 0;
  }

  /** The four summary rows, with the docker CLI's own arithmetic for active and reclaimable. */
  static List<Usage> summary(Map<String, Object> du) {
    List<Map<String, Object>> images = maps(du.get("Images"));
    List<Map<String, Object>> containers = maps(du.get("Containers"));
    List<Map<String, Object>> volumes = maps(du.get("Volumes"));
    long layers = JsonValues.number(du, "LayersSize");
    long used = 0;
    int activeImages = 0;
    for (Map<String, Object> i : images) {
      long count = JsonValues.number(i, "Containers");
      activeImages += count > 0 ? 1 : 0;
      long size = JsonValues.number(i, "Size");
      long shared = JsonValues.number(i, "SharedSize");
      if (count != 0 && size != -1 && shared != -1) {
        used += size - shared;
      }
    }
    long rw = 0;
    long idleRw = 0;
    int activeContainers = 0;
    for (Map<String, Object> c : containers) {
      long size = JsonValues.number(c, "SizeRw");
      rw += size;
      if (active(JsonValues.string(c, "State"))) {
        activeContainers++;
      } else {
        idleRw += size;
      }
    }
    long volumeSize = 0;
    long idleVolumes = 0;
    int activeVolumes = 0;
    for (Map<String, Object> v : volumes) {
      long size = JsonValues.number(v, "UsageData", "Size");
      long refs = JsonValues.number(v, "UsageData", "RefCount");
      activeVolumes += refs > 0 ? 1 : 0;
      if (size != -1) {
        volumeSize += size;
        idleVolumes += refs == 0 ? size : 0;
      }
    }
    return List.of(
        new Usage("Images", images.size(), activeImages, size(layers), reclaimable(layers - used, layers),
            "*formatter.diskUsageImagesContext"),
        new Usage("Containers", containers.size(), activeContainers, size(rw), reclaimable(idleRw, rw),
            "*formatter.diskUsageContainersContext"),
        new Usage("Local Volumes", volumes.size(), activeVolumes, size(volumeSize),
            reclaimable(idleVolumes, volumeSize), "*formatter.diskUsageVolumesContext"),
        // Berth keeps no build cache yet: the daemon reports none
        new Usage("Build Cache", maps(du.get("BuildCache")).size(), 0, size(0), size(0),
            "*formatter.diskUsageBuilderContext"));
  }

  private static boolean active(String state) {
    return state.equals("running") || state.equals("paused") || state.equals("restarting");
  }

  private static String size(long bytes) {
    return Units.humanSize(bytes, 4);
  }

  private static String reclaimable(long reclaimable, long total) {
    return total > 0 ? size(reclaimable) + " (" + (reclaimable * 100 / total) + "%)" : size(reclaimable);
  }

  private static Details details(Map<String, Object> du, boolean trunc, Instant now) {
    List<TemplateObject> images = new ArrayList<>();
    for (Map<String, Object> i : maps(du.get("Images"))) {
      String repo = "<none>";
      String tag = "<none>";
      if (JsonValues.at(i, "RepoTags") instanceof List<?> tags && !tags.isEmpty()
          && !tags.getFirst().equals("<none>:<none>")) {
        // docker shows the first tag only
        ImageRef ref = ImageRef.parse(String.valueOf(tags.getFirst()));
        repo = ref.familiarName();
        tag = ref.tagOrLatest();
      }
      images.add(new ImageRow(i, repo, tag, "", trunc, now));
    }
    List<TemplateObject> containers = new ArrayList<>();
    for (Map<String, Object> c : maps(du.get("Containers"))) {
      Map<String, Object> row = new LinkedHashMap<>(c);
      row.remove("SizeRootFs"); // docker leaves the virtual size out here
      containers.add(new ContainerRow(row, trunc, now));
    }
    return new Details(images, containers);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  /** One line of the summary: docker's diskUsage*Context fields. */
  record Usage(String type, int total, int active, String size, String reclaimable, String typeName)
      implements TemplateObject {
    @Override
    public Object field(String name) {
      return switch (name) {
        case "Type" -> type;
        case "TotalCount" -> Integer.toString(total);
        case "Active" -> Integer.toString(active);
        case "Size" -> size;
        case "Reclaimable" -> reclaimable;
        default -> MISSING;
      };
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      for (String f : List.of("Active", "Reclaimable", "Size", "TotalCount", "Type")) {
        m.put(f, field(f));
      }
      return m;
    }
  }

  /** What a verbose template walks: docker's diskUsageContext. */
  record Details(List<TemplateObject> images, List<TemplateObject> containers) implements TemplateObject {
    @Override
    public Object field(String name) {
      return switch (name) {
        case "Images" -> images;
        case "Containers" -> containers;
        case "Volumes", "BuildCache" -> List.of();
        default -> MISSING;
      };
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      m.put("BuildCache", List.of());
      m.put("Containers", containers.stream().map(TemplateObject::toJson).toList());
      m.put("Images", images.stream().map(TemplateObject::toJson).toList());
      m.put("Volumes", List.of());
      return m;
    }

    @Override
    public String typeName() {
      return "*formatter.diskUsageContext";
    }
  }
}
