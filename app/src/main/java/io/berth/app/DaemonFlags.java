package io.berth.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * berthd's flags in dockerd's spelling and pflag's forms ({@code --flag value}, {@code
 * --flag=value}, {@code -H value}, {@code -Hvalue}; {@code -H} may repeat). Written by hand rather
 * than with picocli: picocli ships Java 5 class files, which the JDK's AOT cache cannot store, and
 * loading it cost about 250 ms of a 650 ms start (measured with -Xlog:class+load).
 */
record DaemonFlags(List<String> hosts, Path dataRoot, Path execRoot, Path pidFile, String logLevel,
    Path runc, Path conmon, RegistrySettings registry, long maxLayerSize, String bridge, String bip,
    boolean help, boolean version) {

  static final String USAGE = """
      Usage: berthd [OPTIONS]

      A container engine that serves the Docker Engine API.

      Options:
        -b, --bridge string                       Name of the default bridge's interface, "none" for no bridge (default "berth0")
            --bip string                          The default bridge's address and subnet (default "10.66.0.1/16")
            --conmon string                       Path of conmon (default "/usr/bin/conmon")
            --data-root string                    Root directory of persistent state (default "/var/lib/berth")
            --exec-root string                    Root directory for execution state files (default "/run/berth")
        -h, --help                                Print usage
        -H, --host list                           Daemon socket(s) to connect to
            --insecure-registry list              Enable insecure registry communication
        -l, --log-level string                    Set the logging level ("debug"|"info"|"warn"|"error"|"fatal") (default "info")
            --max-concurrent-downloads int        Set the max concurrent downloads (default 3)
            --max-concurrent-uploads int          Set the max concurrent uploads (default 5)
            --max-download-attempts int           Set the max download attempts for each pull (default 5)
            --max-layer-size bytes                Refuse a layer that unpacks to more than this (0 for no cap; the
                                                  data root always keeps 1GiB, or 5% of a smaller disk, free)
        -p, --pidfile string                      Path to use for daemon PID file (default "<exec-root>/berthd.pid")
            --registry-mirror list                Preferred Docker registry mirror
            --runtime string                      Path of the OCI runtime (runc) (default "/usr/bin/runc")
        -v, --version                             Print version information and quit
      """;

  private static final Map<String, String> SHORT = Map.of("H", "host", "p", "pidfile", "b", "bridge",
      "l", "log-level", "h", "help", "v", "version");
  private static final List<String> VALUED = List.of("host", "bridge", "bip", "data-root", "exec-root", "pidfile",
      "log-level", "runtime", "conmon", "registry-mirror", "insecure-registry", "max-concurrent-downloads",
      "max-concurrent-uploads", "max-download-attempts", "max-layer-size");

  /** A flag line berthd cannot take; the message is pflag's. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  static DaemonFlags parse(String... args) throws Invalid {
    List<String> hosts = new ArrayList<>();
    Path dataRoot = Path.of("/var/lib/berth");
    Path execRoot = Path.of("/run/berth");
    Path pidFile = null;
    String logLevel = "info";
    Path runc = Path.of("/usr/bin/runc");
    Path conmon = Path.of("/usr/bin/conmon");
    boolean help = false;
    boolean version = false;
    List<String> mirrors = new ArrayList<>();
    List<String> insecure = new ArrayList<>();
    int downloads = RegistrySettings.DEFAULTS.maxConcurrentDownloads();
    int uploads = RegistrySettings.DEFAULTS.maxConcurrentUploads();
    int attempts = RegistrySettings.DEFAULTS.maxDownloadAttempts();
    long maxLayerSize = 0;
    String bridge = "berth0";
    String bip = "10.66.0.1/16";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name;
      String value = null;
      if (a.startsWith("--") && a.length() > 2) {
        int eq = a.indexOf('=');
        name = eq < 0 ? a.substring(2) : a.substring(2, eq);
        value = eq < 0 ? null : a.substring(eq + 1);
        if (!VALUED.contains(name) && !name.equals("help") && !name.equals("version")) {
          throw new Invalid("unknown flag: --" + name);
        }
      } else if (a.startsWith("-") && a.length() > 1) {
        String letter = a.substring(1, 2);
        name = SHORT.get(letter);
        if (name == null) {
          throw new Invalid("unknown shorthand flag: '" + letter + "' in " + a);
        }
        if (a.length() > 2) {
          value = a.substring(a.charAt(2) == '=' ? 3 : 2);
        }
      } else {
        throw new Invalid("berthd takes no arguments, got \"" + a + "\"");
      }
      if (VALUED.contains(name) && value == null) {
        if (i + 1 >= args.length) {
          throw new Invalid("flag needs an argument: --" + name);
        }
        value = args[++i];
      }
      switch (name) {
        case "host" -> hosts.add(value);
        case "bridge" -> bridge = value;
        case "bip" -> bip = value;
        case "data-root" -> dataRoot = Path.of(value);
        case "exec-root" -> execRoot = Path.of(value);
        case "pidfile" -> pidFile = Path.of(value);
        case "log-level" -> logLevel = value;
        case "runtime" -> runc = Path.of(value);
        case "conmon" -> conmon = Path.of(value);
        case "registry-mirror" -> mirrors.add(value);
        case "insecure-registry" -> insecure.add(value);
        case "max-concurrent-downloads" -> downloads = positive(name, value);
        case "max-concurrent-uploads" -> uploads = positive(name, value);
        case "max-download-attempts" -> attempts = positive(name, value);
        case "max-layer-size" -> maxLayerSize = bytes(name, value);
        case "help" -> help = true;
        case "version" -> version = true;
        default -> throw new Invalid("unknown flag: --" + name);
      }
    }
    return new DaemonFlags(hosts, dataRoot, execRoot, pidFile, logLevel, runc, conmon,
        new RegistrySettings(mirrors, insecure, downloads, uploads, attempts), maxLayerSize, bridge, bip, help,
        version);
  }

  /** A size as dockerd's flags take one ({@code 512m}, {@code 10g}, {@code 1.5GiB}, plain bytes): binary units. */
  static long bytes(String name, String value) throws Invalid {
    var m = java.util.regex.Pattern.compile("(?i)([0-9]+(?:\\.[0-9]+)?) ?([kmgtp]?)(?:i?b)?").matcher(value.strip());
    if (!m.matches()) {
      throw new Invalid("invalid argument \"" + value + "\" for \"--" + name + "\" flag: invalid size: '"
          + value + "'");
    }
    int shift = 10 * "kmgtp".indexOf(m.group(2).toLowerCase(java.util.Locale.ROOT)) + 10;
    return (long) (Double.parseDouble(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1L << shift));
  }

  /** dockerd refuses a negative count, and Berth a zero too: nothing would ever transfer. */
  private static int positive(String name, String value) throws Invalid {
    try {
      int n = Integer.parseInt(value);
      if (n <= 0) {
        throw new Invalid("invalid max " + name.replace("max-", "").replace('-', ' ') + ": " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid("invalid argument \"" + value + "\" for \"--" + name + "\" flag: parsing \""
          + value + "\": invalid syntax");
    }
  }
}
