package io.berth.app;

import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** {@code berthd}: flags in dockerd's spelling. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    DaemonFlags f;
    try {
      f = DaemonFlags.parse(args);
    } catch (DaemonFlags.Invalid e) {
      System.err.println(e.getMessage());
      System.err.print(DaemonFlags.USAGE);
      System.exit(125);
      return;
    }
    if (f.help()) {
      System.out.print(DaemonFlags.USAGE);
      return;
    }
    if (f.version()) {
      System.out.println("berthd 0.1.0");
      return;
    }
    configureLogging(f.logLevel());
    var config = new DaemonConfig(f.hosts().isEmpty() ? List.of(DaemonConfig.DEFAULT_HOST) : f.hosts(),
        f.dataRoot().toAbsolutePath(), f.execRoot().toAbsolutePath(),
        f.pidFile() != null ? f.pidFile() : f.execRoot().resolve("berthd.pid"), f.logLevel(), f.runc(),
        f.conmon(), f.registry(), f.maxLayerSize(), f.bridge().equals("none") ? null : f.bridge(), f.bip());
    Wiring daemon;
    try {
      daemon = Wiring.start(config);
    } catch (RuntimeException | java.io.IOException e) {
      System.err.println("berthd: " + e.getMessage());
      if (!(e instanceof IllegalStateException)) {
        e.printStackTrace();
      }
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "shutdown"));
    daemon.awaitShutdown();
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
