package io.berth.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line to completion with a deadline; stdout and stderr kept apart. */
public record Cmd(int exit, String out, String err) {
  public static Cmd run(Map<String, String> env, byte[] stdin, List<String> argv) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(env);
    Process p = pb.start();
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    Thread t1 = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
    Thread t2 = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    } catch (IOException e) {
      // the process may not read its stdin
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + argv);
    }
    t1.join();
    t2.join();
    return new Cmd(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException e) {
      // process ended
    }
  }
}
