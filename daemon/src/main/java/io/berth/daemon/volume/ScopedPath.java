package io.berth.daemon.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A path inside a container's root, its links followed as the container would see them: an
 * absolute link or a {@code ..} never leads out of the root.
 */
public final class ScopedPath {
  private static final int MAX_LINKS = 255;

  private ScopedPath() {}

  /** The host path of {@code path} within {@code root}, every link followed; null when the links loop. */
  static Path resolve(Path root, String path) throws IOException {
    return resolve(root, path, true);
  }

  /**
   * The host path of {@code path} within {@code root}. Links in the parents are followed; the
   * last component's only if {@code followLast}. Components past one that does not exist are
   * taken as they are. Null when the links loop.
   */
  public static Path resolve(Path root, String path, boolean followLast) throws IOException {
    Deque<String> todo = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        todo.addLast(part);
      }
    }
    List<String> done = new ArrayList<>();
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
      boolean last = todo.isEmpty();
      if ((followLast || !last) && Files.isSymbolicLink(here)) {
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
        todo.forEach(done::add);
        return join(root, done);
      }
    }
    return join(root, done);
  }

  /** The path inside the container of a host path under its root. */
  public static String inside(Path root, Path host) {
    String rel = root.relativize(host).toString();
    return "/" + rel;
  }

  private static Path join(Path root, List<String> parts) {
    Path p = root;
    for (String s : parts) {
      p = p.resolve(s);
    }
    return p;
  }
}
