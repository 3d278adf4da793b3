package io.berth.daemon.lifecycle;

import io.berth.common.error.InvalidParameterException;
import java.util.List;
import java.util.Locale;

/** Signal names and numbers as Docker accepts them ({@code KILL}, {@code SIGKILL}, {@code 9}). */
final class Signals {
  private static final List<String> NAMES = List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP",
      "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT",
      "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF",
      "WINCH", "IO", "PWR", "SYS");

  private Signals() {}

  static int parse(String s) {
    if (s.matches("[0-9]+")) {
      int n = Integer.parseInt(s);
      if (n > 0 && n <= 64) {
        return n;
      }
      throw new InvalidParameterException("Invalid signal: " + s);
    }
    String u = s.toUpperCase(Locale.ROOT);
    if (u.startsWith("SIG")) {
      u = u.substring(3);
    }
    int i = NAMES.indexOf(u);
    if (i <= 0) {
      throw new InvalidParameterException("Invalid signal: " + s);
    }
    return i;
  }
}
