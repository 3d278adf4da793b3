package io.berth.cli.command.container;

import io.berth.cli.command.ImageRef;
import io.berth.cli.format.Display;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.GoValues;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One {@code ps} row (a container summary as the daemon sent it) with docker's ContainerContext fields. */
public record ContainerRow(Map<String, Object> c, boolean trunc, Instant now) implements TemplateObject {
  public static final Formatter.Header HEADER = new Formatter.Header(Map.ofEntries(
      Map.entry("ID", "CONTAINER ID"), Map.entry("Names", "NAMES"), Map.entry("Image", "IMAGE"),
      Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"), Map.entry("RunningFor", "CREATED"),
      Map.entry("Ports", "PORTS"), Map.entry("State", "STATE"), Map.entry("Status", "STATUS"),
      Map.entry("Size", "SIZE"), Map.entry("Labels", "LABELS"), Map.entry("Mounts", "MOUNTS"),
      Map.entry("LocalVolumes", "LOCAL VOLUMES"), Map.entry("Networks", "NETWORKS"),
      Map.entry("Platform", "PLATFORM")));

  private static final List<String> FIELDS = List.of("Command", "CreatedAt", "ID", "Image", "Labels",
      "LocalVolumes", "Mounts", "Names", "Networks", "Platform", "Ports", "RunningFor", "Size", "State", "Status");

  @Override
  public Object field(String name) {
    return switch (name) {
      case "ID" -> trunc ? Display.truncateId(str("Id")) : str("Id");
      case "Names" -> names();
      case "Image" -> image();
      case "Command" -> GoValues.goQuote(trunc ? Display.ellipsis(str("Command"), 20) : str("Command"));
      case "CreatedAt" -> Display.goTime(JsonValues.number(c, "Created"));
      case "RunningFor" -> Display.ago(JsonValues.number(c, "Created"), now);
      case "Ports" -> Ports.display(list("Ports"));
      case "State" -> str("State");
      case "Status" -> str("Status");
      case "Size" -> size();
      case "Labels" -> labels();
      case "Mounts" -> mounts();
      case "LocalVolumes" -> localVolumes();
      case "Networks" -> networks();
      case "Platform" -> null;
      default -> MISSING;
    };
  }

  @Override
  public Object call(String name, List<Object> args) {
    if (name.equals("Label") && args.size() == 1) {
      return JsonValues.string(c, "Labels", String.valueOf(args.getFirst()));
    }
    return MISSING;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> m = new TreeMap<>();
    for (String f : FIELDS) {
      m.put(f, field(f));
    }
    return m;
  }

  @Override
  public String typeName() {
    return "*formatter.ContainerContext";
  }

  private String names() {
    List<String> names = new ArrayList<>();
    for (Object o : list("Names")) {
      String n = String.valueOf(o);
      names.add(n.startsWith("/") ? n.substring(1) : n);
    }
    if (trunc) {
      // Legacy link aliases look like "other/alias"; the container's own name has no slash.
      for (String n : names) {
        if (!n.contains("/")) {
          return n;
        }
      }
    }
    return String.join(",", names);
  }

  private String image() {
    String image = str("Image");
    if (image.isEmpty()) {
      return "<no image>";
    }
    if (!trunc) {
      return image;
    }
    if (Display.truncateId(str("ImageID")).equals(Display.truncateId(image))) {
      return Display.truncateId(image);
    }
    if (isImageId(image) || !image.equals(image.toLowerCase(java.util.Locale.ROOT))) {
      return image;
    }
    ImageRef ref = ImageRef.parse(image);
    return ref.familiarName() + (ref.tag() == null ? "" : ":" + ref.tag());
  }

  /** {@code (sha256:)?[0-9a-f]{64}}, checked by hand: a regex here loads java.util.regex into every ps. */
  static boolean isImageId(String s) {
    int start = s.startsWith("sha256:") ? 7 : 0;
    if (s.length() - start != 64) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private String size() {
    long rw = JsonValues.number(c, "SizeRw");
    long root = JsonValues.number(c, "SizeRootFs");
    String s = Units.humanSize(rw, 3);
    return root > 0 ? s + " (virtual " + Units.humanSize(root, 3) + ")" : s;
  }

  private String labels() {
    if (!(c.get("Labels") instanceof Map<?, ?> labels)) {
      return "";
    }
    List<String> kv = new ArrayList<>();
    for (Map.Entry<?, ?> e : labels.entrySet()) {
      kv.add(e.getKey() + "=" + e.getValue());
    }
    kv.sort(null);
    return String.join(",", kv);
  }

  private String mounts() {
    List<String> out = new ArrayList<>();
    for (Object o : list("Mounts")) {
      if (o instanceof Map<?, ?> m) {
        Object name = m.get("Name");
        String n = name == null || name.toString().isEmpty() ? String.valueOf(m.get("Source")) : name.toString();
        out.add(trunc ? Display.ellipsis(n, 15) : n);
      }
    }
    return String.join(",", out);
  }

  private String localVolumes() {
    int n = 0;
    for (Object o : list("Mounts")) {
      if (o instanceof Map<?, ?> m && "local".equals(m.get("Driver"))) {
        n++;
      }
    }
    return Integer.toString(n);
  }

  private String networks() {
    if (!(JsonValues.at(c, "NetworkSettings", "Networks") instanceof Map<?, ?> networks)) {
      return "";
    }
    TreeSet<String> names = new TreeSet<>();
    for (Object k : networks.keySet()) {
      names.add(String.valueOf(k));
    }
    return String.join(",", names);
  }

  private String str(String key) {
    return JsonValues.string(c, key);
  }

  private List<?> list(String key) {
    return c.get(key) instanceof List<?> l ? l : List.of();
  }
}
