package io.berth.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The training run behind the installed AOT cache ({@code BERTH_AOT_TRAINING=1}, see install.sh).
 * The JVM records one run per cache, so this one walks the everyday commands in a single JVM:
 * whatever a command loads and links here is ready at the next start of any of them. Output is
 * discarded and failures are ignored: an incomplete training only makes the cache smaller.
 */
final class AotTraining {
  private static final String IMAGE = "busybox";

  private AotTraining() {}

  static int run(Map<String, String> env) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    command(env, sink, "version");
    command(env, sink, "ps", "-a");
    command(env, sink, "images");
    command(env, sink, "run", "--rm", IMAGE, "true");
    ByteArrayOutputStream created = new ByteArrayOutputStream();
    command(env, new PrintStream(created, true, StandardCharsets.UTF_8), "create", IMAGE, "true");
    String id = created.toString(StandardCharsets.UTF_8).strip();
    if (!id.isEmpty()) {
      command(env, sink, "start", id);
      command(env, sink, "logs", id);
      command(env, sink, "inspect", id);
      command(env, sink, "rm", "-f", id);
    }
    // An error answer takes its own path (status mapping, message decoding); train it too.
    command(env, sink, "inspect", "berth-aot-training-no-such-container");
    return 0;
  }

  private static void command(Map<String, String> env, PrintStream out, String... argv) {
    PrintStream err = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    try {
      Main.run(argv, new ByteArrayInputStream(new byte[0]), out, err, env);
    } catch (RuntimeException e) {
      // Training goes on with the next command; this one has loaded what it got to.
    }
  }
}
