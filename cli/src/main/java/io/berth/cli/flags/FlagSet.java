package io.berth.cli.flags;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags of one command, declared once and used twice: by {@link FlagParser} to parse and to
 * word errors like docker's pflag does, and to print the options section of help.
 */
public final class FlagSet {
  /** One flag; {@code type} is the word help shows after the name (empty for booleans). */
  public record Flag(String shortName, String longName, boolean bool, String type, String defaultText,
      String usage, boolean hidden) {
    /** {@code -n, --last} or {@code --no-trunc}, as pflag names a flag in errors. */
    public String display() {
      return shortName == null ? "--" + longName : "-" + shortName + ", --" + longName;
    }
  }

  private final List<Flag> flags = new ArrayList<>();
  private boolean interspersed = true;

  public FlagSet bool(String shortName, String longName, String usage) {
    flags.add(new Flag(shortName, longName, true, "", null, usage, false));
    return this;
  }

  /** A boolean that is true unless given {@code =false}; help shows {@code (default true)}. */
  public FlagSet boolDefaultTrue(String longName, String usage) {
    flags.add(new Flag(null, longName, true, "", "true", usage, false));
    return this;
  }

  /** A flag taking a value; {@code type} is shown in help ("string", "int", "list", "filter"). */
  public FlagSet value(String shortName, String longName, String type, String defaultText, String usage) {
    flags.add(new Flag(shortName, longName, false, type, defaultText, usage, false));
    return this;
  }

  public FlagSet string(String shortName, String longName, String usage) {
    return value(shortName, longName, "string", null, usage);
  }

  public FlagSet list(String shortName, String longName, String usage) {
    return value(shortName, longName, "list", null, usage);
  }

  /** Accepted but left out of help, like docker's deprecated spellings. */
  public FlagSet hidden(String longName, boolean bool) {
    flags.add(new Flag(null, longName, bool, bool ? "" : "string", null, "", true));
    return this;
  }

  /** Flags end at the first argument, which belongs with the rest to the container command. */
  public FlagSet stopAtFirstArg() {
    interspersed = false;
    return this;
  }

  public boolean interspersed() {
    return interspersed;
  }

  public List<Flag> flags() {
    return flags;
  }

  public Flag byShort(char c) {
    for (Flag f : flags) {
      if (f.shortName != null && f.shortName.charAt(0) == c) {
        return f;
      }
    }
    return null;
  }

  public Flag byLong(String name) {
    for (Flag f : flags) {
      if (f.longName.equals(name)) {
        return f;
      }
    }
    return null;
  }

  /**
   * pflag's options listing, sorted by long name: names and type, usage three spaces after, the
   * lines of a multi-line usage aligned under its first.
   */
  public String usage() {
    List<String[]> rows = new ArrayList<>();
    int width = 0;
    List<Flag> sorted = new ArrayList<>(flags);
    sorted.sort((a, b) -> a.longName.compareTo(b.longName));
    for (Flag f : sorted) {
      if (f.hidden) {
        continue;
      }
      String left = (f.shortName == null ? "      --" : "  -" + f.shortName + ", --") + f.longName
          + (f.type.isEmpty() ? "" : " " + f.type);
      String right = f.usage + (f.defaultText == null ? "" : " (default " + f.defaultText + ")");
      rows.add(new String[] {left, right});
      width = Math.max(width, left.length());
    }
    StringBuilder sb = new StringBuilder();
    String indent = "\n" + " ".repeat(width + 3);
    for (String[] r : rows) {
      sb.append(r[0]).repeat(' ', width - r[0].length() + 3).append(r[1].replace("\n", indent)).append('\n');
    }
    return sb.toString();
  }
}
