package io.berth.image.archive;

import io.berth.common.error.InvalidParameterException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Normalisation of tar entry names to paths relative to the extraction root. */
final class EntryNames {
  private EntryNames() {}

  /**
   * {@code ./a//b/../c} becomes {@code a/c}; leading slashes are dropped as GNU tar does, so {@code
   * /etc/x} lands at {@code <root>/etc/x}. The empty string means the root itself.
   *
   * @throws InvalidParameterException when {@code ..} climbs above the root
   */
  static String normalize(String name) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new InvalidParameterException(
              "invalid tar entry " + quote(name) + ": path escapes the destination directory");
        }
        parts.removeLast();
      } else {
        if (part.indexOf('\0') >= 0) {
          throw new InvalidParameterException("invalid tar entry " + quote(name));
        }
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  static String quote(String name) {
    return "\"" + name + "\"";
  }
}
