package io.berth.common.io;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path} functions on slash paths, which Docker's rules for paths are written in. */
public final class GoPaths {
  private GoPaths() {}

  /** {@code path.Clean}: no empty or "." parts, ".." resolved (kept at the start of a relative path). */
  public static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean abs = p.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.getLast().equals("..")) {
          out.removeLast();
        } else if (!abs) {
          out.add("..");
        }
        continue;
      }
      out.add(part);
    }
    String joined = String.join("/", out);
    return abs ? "/" + joined : joined.isEmpty() ? "." : joined;
  }
}
