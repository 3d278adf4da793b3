package io.berth.runtime;

import java.util.List;

/** What a container's (or exec process's) stdin is, and what a client's end of it does. */
public enum Stdin {
  /** No stdin: the process reads /dev/null. */
  NONE,
  /** Open; a client's end of input closes it (dockerd's StdinOnce without a terminal, and exec). */
  CLOSED_AT_CLIENT_EOF,
  /** Open, and left open when a client's input ends: the next client may write to it. */
  KEPT_OPEN;

  /** dockerd's rule: a client's end closes the stdin of StdinOnce containers without a terminal. */
  public static Stdin of(boolean open, boolean once, boolean tty) {
    return !open ? NONE : once && !tty ? CLOSED_AT_CLIENT_EOF : KEPT_OPEN;
  }

  void addTo(List<String> conmonArgs) {
    if (this != NONE) {
      conmonArgs.add("-i");
    }
    if (this == KEPT_OPEN) {
      conmonArgs.add("--leave-stdin-open");
    }
  }
}
