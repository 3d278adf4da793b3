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
    return run(env, stdin, argv, true);
  }

  /**
   * As {@link #run}, with stdin left open until the command ends: under {@code script}, an early
   * end of input reaches a terminal's reader as EOF, which ends an interactive session at once
   * (as it does with Docker), so a test of what the session does must not send one.
   */
  public static Cmd runStdinOpen(Map<String, String> env, List<String> argv) throws IOException, InterruptedException {
    return run(env, null, argv, false);
  }

  private static Cmd run(Map<String, String> env, byte[] stdin, List<String> argv, boolean closeStdin)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(env);
    Process p = pb.start();
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    Thread t1 = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
    Thread t2 = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
    var in = p.getOutputStream();
    try {
      if (stdin != null) {
        in.write(stdin);
      }
      if (closeStdin) {
        in.close();
      } else {
        in.flush();
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
    try {
      in.close();
    } catch (IOException e) {
      // ended already
    }
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
