package io.berth.cli;

import io.berth.cli.flags.UsageError;
import java.util.List;
import java.util.Set;

/**
 * The options before the command word ({@code berth -H unix:///x ps}). Parsed by hand: they are
 * few, and this runs on every invocation before any command is chosen.
 */
record GlobalOptions(String host, boolean debug, String logLevel, boolean version, boolean help, List<String> rest) {
  private static final Set<String> LEVELS = Set.of("debug", "info", "warn", "warning", "error", "fatal", "panic", "trace");

  static GlobalOptions parse(List<String> args) {
    String host = null;
    boolean debug = false;
    String level = null;
    boolean version = false;
    boolean help = false;
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        break;
      }
      String name;
      String value = null;
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        name = eq < 0 ? a.substring(2) : a.substring(2, eq);
        value = eq < 0 ? null : a.substring(eq + 1);
      } else {
        name = a.substring(1, 2);
        if (a.length() > 2) {
          value = a.charAt(2) == '=' ? a.substring(3) : a.substring(2);
        }
      }
      switch (name) {
        case "D", "debug", "tls", "tlsverify" -> {
          if (name.startsWith("D") || name.equals("debug")) {
            debug = true;
          }
          if (value != null && !a.startsWith("--")) {
            // A cluster such as -Dv: handle the remaining letters as flags of their own.
            List<String> again = new java.util.ArrayList<>(args.subList(i + 1, args.size()));
            again.addFirst("-" + value);
            GlobalOptions inner = parse(again);
            return new GlobalOptions(inner.host != null ? inner.host : host, true,
                inner.logLevel != null ? inner.logLevel : level, inner.version || version, inner.help || help, inner.rest);
          }
        }
        case "v", "version" -> version = true;
        case "h", "help" -> help = true;
        case "H", "host", "l", "log-level", "c", "context", "config", "tlscacert", "tlscert", "tlskey" -> {
          if (value == null) {
            if (i + 1 >= args.size()) {
              throw new UsageError(a.startsWith("--") ? "flag needs an argument: --" + name
                  : "flag needs an argument: '" + name + "' in " + a);
            }
            value = args.get(++i);
          }
          switch (name) {
            case "H", "host" -> {
              if (host != null) {
                throw new StatusError("Specify only one -H", 1);
              }
              host = value;
            }
            case "l", "log-level" -> level = value;
            default -> {
              // Accepted for compatibility; Berth has no contexts or TLS settings yet.
            }
          }
        }
        default -> throw new UsageError(a.startsWith("--") ? "unknown flag: --" + name
            : "unknown shorthand flag: '" + name + "' in " + a);
      }
    }
    if (level != null && !LEVELS.contains(level)) {
      throw new StatusError("Unable to parse logging level: " + level, 1);
    }
    return new GlobalOptions(host, debug, level, version, help, List.copyOf(args.subList(Math.min(i, args.size()), args.size())));
  }
}
