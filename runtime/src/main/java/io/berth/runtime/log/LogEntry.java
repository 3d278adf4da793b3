package io.berth.runtime.log;

import java.time.Instant;

/** One line of conmon's k8s-file log; {@code partial} lines carry no trailing newline. */
public record LogEntry(Instant time, boolean stderr, boolean partial, byte[] content) {
  /** The bytes the container wrote. */
  public byte[] payload() {
    if (partial) {
      return content;
    }
    byte[] b = java.util.Arrays.copyOf(content, content.length + 1);
    b[content.length] = '\n';
    return b;
  }
}
