package io.berth.cli.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one command's arguments the way docker's pflag does: long flags with {@code =} or a
 * separate value, clustered short flags ({@code -qa}, {@code -n5}, {@code -eK=V}), booleans
 * taking {@code =false}, {@code --} ending flags, and for {@code run} flags ending at the image.
 *
 * <p>Hand-written rather than picocli: picocli 4.7.7 ships Java 5 class files, which the JDK's
 * AOT cache cannot store, so loading and verifying it costs more than the whole start-up budget.
 */
public final class FlagParser {
  /** Returned when {@code --help} was asked for instead of a parse. */
  public static final Parsed HELP = new Parsed(new FlagSet(), Map.of(), List.of());

  private FlagParser() {}

  public static Parsed parse(FlagSet set, List<String> args) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        positional.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        if (!set.interspersed()) {
          positional.addAll(args.subList(i, args.size()));
          break;
        }
        positional.add(a);
        continue;
      }
      if (a.equals("--help") || (a.equals("-h") && set.byShort('h') == null)) {
        return HELP;
      }
      if (a.startsWith("--")) {
        i = parseLong(set, args, i, values);
      } else {
        try {
          i = parseShort(set, args, i, values);
        } catch (HelpRequested e) {
          return HELP;
        }
      }
    }
    return new Parsed(set, values, positional);
  }

  private static int parseLong(FlagSet set, List<String> args, int i, Map<String, List<String>> values) {
    String a = args.get(i);
    int eq = a.indexOf('=');
    String name = a.substring(2, eq < 0 ? a.length() : eq);
    FlagSet.Flag f = set.byLong(name);
    if (f == null) {
      throw new UsageError("unknown flag: --" + name);
    }
    if (f.bool()) {
      setBool(f, eq < 0 ? "true" : a.substring(eq + 1), values);
      return i;
    }
    if (eq >= 0) {
      add(f, a.substring(eq + 1), values);
      return i;
    }
    if (i + 1 >= args.size()) {
      throw new UsageError("flag needs an argument: --" + name);
    }
    add(f, args.get(i + 1), values);
    return i + 1;
  }

  private static int parseShort(FlagSet set, List<String> args, int i, Map<String, List<String>> values) {
    String a = args.get(i);
    String cluster = a.substring(1);
    for (int k = 0; k < cluster.length(); k++) {
      char c = cluster.charAt(k);
      FlagSet.Flag f = set.byShort(c);
      if (f == null) {
        if (c == 'h') {
          throw new HelpRequested();
        }
        throw new UsageError("unknown shorthand flag: '" + c + "' in " + a);
      }
      String rest = cluster.substring(k + 1);
      if (f.bool()) {
        if (rest.startsWith("=")) {
          setBool(f, rest.substring(1), values);
          return i;
        }
        setBool(f, "true", values);
        continue;
      }
      if (!rest.isEmpty()) {
        add(f, rest.startsWith("=") ? rest.substring(1) : rest, values);
        return i;
      }
      if (i + 1 >= args.size()) {
        throw new UsageError("flag needs an argument: '" + c + "' in " + a);
      }
      add(f, args.get(i + 1), values);
      return i + 1;
    }
    return i;
  }

  private static void setBool(FlagSet.Flag f, String raw, Map<String, List<String>> values) {
    Boolean v = parseBool(raw);
    if (v == null) {
      throw new UsageError("invalid argument \"" + raw + "\" for \"" + f.display()
          + "\" flag: strconv.ParseBool: parsing \"" + raw + "\": invalid syntax");
    }
    values.put(f.longName(), List.of(v.toString()));
  }

  private static void add(FlagSet.Flag f, String value, Map<String, List<String>> values) {
    // No computeIfAbsent lambda: spinning its class costs more than parsing the whole command line.
    List<String> l = values.get(f.longName());
    if (l == null) {
      l = new ArrayList<>();
      values.put(f.longName(), l);
    }
    l.add(value);
  }

  /** Go's strconv.ParseBool. */
  static Boolean parseBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> null;
    };
  }

  /** pflag treats {@code -h} inside a cluster as a request for help. */
  private static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super(null, null, false, false);
    }
  }
}
