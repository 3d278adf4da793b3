package io.berth.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berthd}: flags in dockerd's spelling. */
@Command(name = "berthd", mixinStandardHelpOptions = true, version = "berthd 0.1.0",
    description = "A container engine that serves the Docker Engine API.")
public final class Main implements Callable<Integer> {
  @Option(names = {"-H", "--host"}, description = "Daemon socket(s) to connect to")
  List<String> hosts = new ArrayList<>();

  @Option(names = "--data-root", description = "Root directory of persistent state")
  Path dataRoot = Path.of("/var/lib/berth");

  @Option(names = "--exec-root", description = "Root directory for execution state files")
  Path execRoot = Path.of("/run/berth");

  @Option(names = {"-p", "--pidfile"}, description = "Path to use for daemon PID file")
  Path pidFile;

  @Option(names = {"-l", "--log-level"}, description = "Set the logging level (debug, info, warn, error, fatal)")
  String logLevel = "info";

  @Option(names = "--runtime", description = "Path of the OCI runtime (runc)")
  Path runc = Path.of("/usr/bin/runc");

  @Option(names = "--conmon", description = "Path of conmon")
  Path conmon = Path.of("/usr/bin/conmon");

  public static void main(String[] args) {
    int rc = new CommandLine(new Main()).execute(args);
    if (rc != 0) {
      System.exit(rc);
    }
  }

  @Override
  public Integer call() throws Exception {
    configureLogging(logLevel);
    var config = new DaemonConfig(hosts.isEmpty() ? List.of(DaemonConfig.DEFAULT_HOST) : hosts,
        dataRoot.toAbsolutePath(), execRoot.toAbsolutePath(),
        pidFile != null ? pidFile : execRoot.resolve("berthd.pid"), logLevel, runc, conmon);
    Wiring daemon = Wiring.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "shutdown"));
    daemon.awaitShutdown();
    return 0;
  }

  static void configureLogging(String level) {
    Level l = switch (level.toLowerCase(java.util.Locale.ROOT)) {
      case "debug" -> Level.FINE;
      case "warn", "warning" -> Level.WARNING;
      case "error", "fatal" -> Level.SEVERE;
      default -> Level.INFO;
    };
    System.setProperty("java.util.logging.SimpleFormatter.format",
        "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
    Logger root = Logger.getLogger("");
    for (var h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler h = new ConsoleHandler();
    h.setFormatter(new SimpleFormatter());
    h.setLevel(l);
    root.addHandler(h);
    // libraries log at INFO at most; berth's own loggers at the level asked for
    root.setLevel(l.intValue() < Level.INFO.intValue() ? Level.INFO : l);
    Logger.getLogger("berth").setLevel(l);
  }
}
