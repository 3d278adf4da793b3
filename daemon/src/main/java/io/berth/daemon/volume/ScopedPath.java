package io.berth.daemon.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A path inside a container's root, its links followed as the container would see them: an
 * absolute link or a {@code ..} never leads out of the root.
 */
final class ScopedPath {
  private static final int MAX_LINKS = 40;

  private ScopedPath() {}

  /** The host path of {@code path} within {@code root}; null when the links loop. */
  static Path resolve(Path root, String path) throws IOException {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        todo.addLast(part);
      }
    }
    java.util.List<String> done = new java.util.ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.removeFirst();
      if (part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.removeLast();
        }
        continue;
      }
      Path here = join(root, done).resolve(part);
      if (Files.isSymbolicLink(here)) {
        if (++links > MAX_LINKS) {
          return null;
        }
        String target = Files.readSymbolicLink(here).toString();
        if (target.startsWith("/")) {
          done.clear();
        }
        String[] parts = target.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
          if (!parts[i].isEmpty()) {
            todo.addFirst(parts[i]);
          }
        }
        continue;
      }
      done.add(part);
      if (!Files.exists(here, LinkOption.NOFOLLOW_LINKS)) {
        // the rest cannot exist either
        todo.forEach(done::add);
        return join(root, done);
      }
    }
    return join(root, done);
  }

  private static Path join(Path root, java.util.List<String> parts) {
    Path p = root;
    for (String s : parts) {
      p = p.resolve(s);
    }
    return p;
  }
}
