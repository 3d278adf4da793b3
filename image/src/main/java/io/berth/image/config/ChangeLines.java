package io.berth.image.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits change text into instructions as the Dockerfile parser does: {@code #} comment lines and
 * blank lines are dropped, and a line ending in a backslash continues on the next line.
 */
final class ChangeLines {
  private static final Pattern CONTINUATION = Pattern.compile("\\\\[ \t]*$");
  private static final Pattern WHITESPACE = Pattern.compile("[ \t\r\n\u000b\f]+");

  /** One instruction: its name as written and the trimmed remainder. */
  record Instruction(String name, String args) {}

  private ChangeLines() {}

  static List<Instruction> parse(String text) {
    List<Instruction> out = new ArrayList<>();
    StringBuilder pending = null;
    for (String raw : text.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (pending != null && trimmed.isEmpty())) {
        continue;
      }
      var m = CONTINUATION.matcher(line);
      boolean continues = m.find();
      String content = continues ? line.substring(0, m.start()) : line;
      pending = pending == null ? new StringBuilder(content) : pending.append(content);
      if (!continues) {
        add(out, pending.toString());
        pending = null;
      }
    }
    if (pending != null) {
      add(out, pending.toString());
    }
    return out;
  }

  private static void add(List<Instruction> out, String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    String[] parts = WHITESPACE.split(trimmed, 2);
    out.add(new Instruction(parts[0], parts.length > 1 ? parts[1].strip() : ""));
  }
}
