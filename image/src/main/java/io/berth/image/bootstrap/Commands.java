package io.berth.image.bootstrap;

import io.berth.common.error.SystemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Runs host tools, streaming their output line by line. */
final class Commands {
  private static final int TAIL = 10;

  private Commands() {}

  /**
   * Runs {@code command} with stderr merged into stdout, passing each line to {@code lines}.
   *
   * @throws SystemException when the tool is missing or exits non-zero (with its last lines)
   */
  static void run(List<String> command, Consumer<String> lines) {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new SystemException(command.getFirst() + " is not available on this host", e);
    }
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.accept(line);
        tail.addLast(line);
        if (tail.size() > TAIL) {
          tail.removeFirst();
        }
      }
      int rc = p.waitFor();
      if (rc != 0) {
        throw new SystemException(
            command.getFirst() + " failed with exit status " + rc + ": " + String.join("\n", tail));
      }
    } catch (IOException e) {
      throw new SystemException("cannot read output of " + command.getFirst(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException(command.getFirst() + " was interrupted", e);
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
      }
    }
  }
}
