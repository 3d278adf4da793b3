package io.berth.cli.command;

import io.berth.cli.flags.UsageError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code -f key=value} flags gathered into a filter map, with docker's validation. */
public final class FilterFlag {
  private FilterFlag() {}

  public static Map<String, List<String>> parse(List<String> values) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String raw : values) {
      String f = raw.strip();
      int eq = f.indexOf('=');
      if (eq < 0) {
        throw new UsageError("invalid argument \"" + raw + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)");
      }
      String name = f.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = f.substring(eq + 1).strip();
      List<String> vs = out.get(name);
      if (vs == null) {
        vs = new ArrayList<>();
        out.put(name, vs);
      }
      if (!vs.contains(value)) {
        vs.add(value);
      }
    }
    return out;
  }
}
