package io.berth.cli.command.container;

import io.berth.cli.flags.GoParse;
import io.berth.client.json.JsonWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -v}, {@code --mount} and {@code --tmpfs} as docker's client reads them: a {@code -v}
 * with a source goes to {@code Binds} (a relative host path made absolute), one without to
 * {@code Volumes}; a {@code --mount} is a CSV line of key=value fields.
 */
final class MountFlags {
  private MountFlags() {}

  /** The {@code -v} values split: binds (and named volumes) with a source, and anonymous volumes. */
  record Volumes(List<String> binds, List<String> anonymous) {}

  static Volumes volumes(List<String> specs) throws ContainerOptions.Invalid {
    List<String> binds = new ArrayList<>();
    List<String> anonymous = new ArrayList<>();
    // docker's client keeps them in a set: a repeated -v counts once
    for (String spec : new LinkedHashSet<>(specs)) {
      String[] parsed = parseVolume(spec);
      if (parsed[0].isEmpty()) {
        anonymous.add(spec);
        continue;
      }
      String bind = spec;
      if (isFilePath(parsed[0])) {
        int colon = spec.indexOf(':');
        String host = spec.substring(0, colon);
        if (host.startsWith(".")) {
          host = Path.of(host).toAbsolutePath().normalize().toString();
        }
        bind = host + spec.substring(colon);
      }
      binds.add(bind);
    }
    return new Volumes(binds, anonymous);
  }

  /** The compose loader's ParseVolume: {source, target}; a source is empty for an anonymous volume. */
  static String[] parseVolume(String spec) throws ContainerOptions.Invalid {
    if (spec.isEmpty()) {
      throw new ContainerOptions.Invalid("invalid empty volume spec");
    }
    if (spec.length() <= 2) {
      return new String[] {"", spec};
    }
    String source = "";
    String target = "";
    StringBuilder buffer = new StringBuilder();
    String all = spec + '\0';
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      boolean end = i == all.length() - 1;
      if (c == ':' && buffer.length() == 1 && Character.isLetter(buffer.charAt(0))) {
        buffer.append(c); // a Windows drive letter
      } else if (c == ':' || end) {
        if (buffer.isEmpty()) {
          throw new ContainerOptions.Invalid("invalid spec: " + spec + ": empty section between colons");
        }
        if (source.isEmpty() && end) {
          target = buffer.toString();
        } else if (source.isEmpty()) {
          source = buffer.toString();
        } else if (target.isEmpty()) {
          target = buffer.toString();
        } else if (c == ':') {
          throw new ContainerOptions.Invalid("invalid spec: " + spec + ": too many colons");
        }
        buffer.setLength(0);
      } else {
        buffer.append(c);
      }
    }
    return new String[] {source, target};
  }

  private static boolean isFilePath(String source) {
    return source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
        || (source.length() >= 2 && Character.isLetter(source.charAt(0)) && source.charAt(1) == ':');
  }

  /** {@code --tmpfs dest[:options]}: the last of a destination wins. */
  static Map<String, String> tmpfs(List<String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : values) {
      int colon = t.indexOf(':');
      out.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
    }
    return out;
  }

  /** One {@code --mount}, written as the Mounts entry docker's client sends. */
  static void mount(JsonWriter b, String value) throws ContainerOptions.Invalid {
    Map<String, String> m = new LinkedHashMap<>();
    String type = "volume";
    String source = "";
    String target = "";
    Boolean readOnly = null;
    String consistency = "";
    String propagation = "";
    boolean nonRecursive = false;
    Boolean noCopy = null;
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> driverOptions = new LinkedHashMap<>();
    String driver = "";
    Long tmpfsSize = null;
    Integer tmpfsMode = null;
    boolean volumeKeys = false;
    boolean bindKeys = false;
    boolean tmpfsKeys = false;
    for (String field : csv(value)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      String val = eq < 0 ? null : field.substring(eq + 1);
      if (val == null) {
        switch (key) {
          case "readonly", "ro" -> readOnly = true;
          case "volume-nocopy" -> {
            noCopy = true;
            volumeKeys = true;
          }
          case "bind-nonrecursive" -> {
            nonRecursive = true;
            bindKeys = true;
          }
          default -> throw invalid(value, "invalid field '" + field + "' must be a key=value pair");
        }
        continue;
      }
      switch (key) {
        case "type" -> {
          type = val.toLowerCase(Locale.ROOT);
          if (type.isEmpty()) {
            throw invalid(value, "type is required");
          }
        }
        case "source", "src" -> source = val.startsWith(".") ? Path.of(val).toAbsolutePath().normalize().toString() : val;
        case "target", "dst", "destination" -> target = val;
        case "readonly", "ro" -> readOnly = bool(value, key, val);
        case "consistency" -> consistency = val.toLowerCase(Locale.ROOT);
        case "bind-propagation" -> {
          propagation = val.toLowerCase(Locale.ROOT);
          bindKeys = true;
        }
        case "bind-nonrecursive" -> {
          nonRecursive = bool(value, key, val);
          bindKeys = true;
        }
        case "volume-nocopy" -> {
          noCopy = switch (val.toLowerCase(Locale.ROOT)) {
            case "", "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw invalid(value, "invalid value for volume-nocopy: " + val);
          };
          volumeKeys = true;
        }
        case "volume-label" -> {
          int e = val.indexOf('=');
          labels.put(e < 0 ? val : val.substring(0, e), e < 0 ? "" : val.substring(e + 1));
          volumeKeys = true;
        }
        case "volume-driver" -> {
          driver = val;
          volumeKeys = true;
        }
        case "volume-opt" -> {
          int e = val.indexOf('=');
          driverOptions.put(e < 0 ? val : val.substring(0, e), e < 0 ? "" : val.substring(e + 1));
          volumeKeys = true;
        }
        case "tmpfs-size" -> {
          try {
            tmpfsSize = GoParse.ramInBytes(val);
          } catch (IllegalArgumentException e) {
            throw invalid(value, "invalid value for " + key + ": " + val);
          }
          tmpfsKeys = true;
        }
        case "tmpfs-mode" -> {
          try {
            tmpfsMode = Integer.parseInt(val, 8);
          } catch (NumberFormatException e) {
            throw invalid(value, "invalid value for " + key + ": " + val);
          }
          tmpfsKeys = true;
        }
        case "bind-recursive", "volume-subpath", "image-subpath" ->
            throw new ContainerOptions.Invalid("berth does not support --mount " + key + " yet");
        default -> throw invalid(value, "unexpected key '" + key + "' in '" + field + "'");
      }
    }
    if (target.isEmpty()) {
      throw invalid(value, "target is required");
    }
    if (volumeKeys && !type.equals("volume")) {
      throw invalid(value, "cannot mix 'volume-*' options with mount type '" + type + "'");
    }
    if (bindKeys && !type.equals("bind")) {
      throw invalid(value, "cannot mix 'bind-*' options with mount type '" + type + "'");
    }
    if (tmpfsKeys && !type.equals("tmpfs")) {
      throw invalid(value, "cannot mix 'tmpfs-*' options with mount type '" + type + "'");
    }
    b.beginObject().member("Type", type);
    if (!source.isEmpty()) {
      b.member("Source", source);
    }
    b.member("Target", target);
    if (Boolean.TRUE.equals(readOnly)) {
      b.member("ReadOnly", true);
    }
    if (!consistency.isEmpty()) {
      b.member("Consistency", consistency);
    }
    if (bindKeys) {
      b.name("BindOptions").beginObject();
      if (!propagation.isEmpty()) {
        b.member("Propagation", propagation);
      }
      if (nonRecursive) {
        b.member("NonRecursive", true);
      }
      b.endObject();
    }
    if (volumeKeys) {
      b.name("VolumeOptions").beginObject();
      if (Boolean.TRUE.equals(noCopy)) {
        b.member("NoCopy", true);
      }
      if (!labels.isEmpty()) {
        b.name("Labels").beginObject();
        for (var e : labels.entrySet()) {
          b.member(e.getKey(), e.getValue());
        }
        b.endObject();
      }
      b.name("DriverConfig").beginObject();
      if (!driver.isEmpty()) {
        b.member("Name", driver);
      }
      if (!driverOptions.isEmpty()) {
        b.name("Options").beginObject();
        for (var e : driverOptions.entrySet()) {
          b.member(e.getKey(), e.getValue());
        }
        b.endObject();
      }
      b.endObject().endObject();
    }
    if (tmpfsKeys) {
      b.name("TmpfsOptions").beginObject();
      if (tmpfsSize != null) {
        b.name("SizeBytes").value(tmpfsSize);
      }
      if (tmpfsMode != null) {
        b.name("Mode").value(tmpfsMode);
      }
      b.endObject();
    }
    b.endObject();
  }

  private static boolean bool(String value, String key, String val) throws ContainerOptions.Invalid {
    return switch (val.toLowerCase(Locale.ROOT)) {
      case "1", "t", "true" -> true;
      case "0", "f", "false" -> false;
      default -> throw invalid(value, "invalid value for " + key + ": " + val);
    };
  }

  private static ContainerOptions.Invalid invalid(String value, String why) {
    return new ContainerOptions.Invalid("invalid argument \"" + value + "\" for \"--mount\" flag: " + why);
  }

  /** One line of Go's encoding/csv: fields split at commas, double quotes around a field kept together. */
  static List<String> csv(String line) throws ContainerOptions.Invalid {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      throw invalid(line, "parse error on line 1, column " + (line.length() + 1) + ": extraneous or missing \" in quoted-field");
    }
    out.add(f.toString());
    return out;
  }
}
