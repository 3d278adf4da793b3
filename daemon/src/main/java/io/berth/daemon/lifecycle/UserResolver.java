package io.berth.daemon.lifecycle;

import io.berth.common.error.InvalidParameterException;
import io.berth.runtime.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Resolves {@code -u user[:group]} against the container's own /etc/passwd and /etc/group. */
public final class UserResolver {
  private UserResolver() {}

  public static Spec.User resolve(Path rootfs, String spec) {
    String u = spec == null || spec.isEmpty() ? "0" : spec;
    String userPart = u.contains(":") ? u.substring(0, u.indexOf(':')) : u;
    String groupPart = u.contains(":") ? u.substring(u.indexOf(':') + 1) : null;
    List<String[]> passwd = read(rootfs, "etc/passwd");
    List<String[]> group = read(rootfs, "etc/group");
    long uid;
    long gid = 0;
    String name = null;
    String[] entry = find(passwd, userPart);
    if (entry != null) {
      uid = Long.parseLong(entry[2]);
      gid = Long.parseLong(entry[3]);
      name = entry[0];
    } else if (userPart.matches("[0-9]+")) {
      uid = Long.parseLong(userPart);
    } else {
      throw new InvalidParameterException(
          "unable to find user " + userPart + ": no matching entries in passwd file");
    }
    if (groupPart != null) {
      String[] g = find(group, groupPart);
      if (g != null) {
        gid = Long.parseLong(g[2]);
      } else if (groupPart.matches("[0-9]+")) {
        gid = Long.parseLong(groupPart);
      } else {
        throw new InvalidParameterException(
            "unable to find group " + groupPart + ": no matching entries in group file");
      }
    }
    // as Docker does: the primary group first, then (for a user named in passwd and no group
    // given, as runc computes them) the groups that list the user as a member
    List<Long> extra = new ArrayList<>(List.of(gid));
    if (name != null && groupPart == null) {
      for (String[] g : group) {
        if (g.length > 3 && List.of(g[3].split(",")).contains(name) && g[2].matches("[0-9]+")) {
          extra.add(Long.parseLong(g[2]));
        }
      }
    }
    return new Spec.User(uid, gid, extra);
  }

  /** {@code --group-add}: each a gid or a group of the container's /etc/group, after the user's own. */
  public static Spec.User withGroups(Spec.User user, Path rootfs, List<String> add) {
    if (add == null || add.isEmpty()) {
      return user;
    }
    List<String[]> group = read(rootfs, "etc/group");
    List<Long> gids = new ArrayList<>(user.additionalGids() == null ? List.of() : user.additionalGids());
    for (String a : add) {
      String[] g = find(group, a);
      long gid;
      if (g != null) {
        gid = Long.parseLong(g[2]);
      } else if (a.matches("[0-9]+")) {
        gid = Long.parseLong(a);
      } else {
        throw new InvalidParameterException("Unable to find group " + a + ": no matching entries in group file");
      }
      if (!gids.contains(gid)) {
        gids.add(gid);
      }
    }
    return new Spec.User(user.uid(), user.gid(), gids);
  }

  private static String[] find(List<String[]> entries, String key) {
    for (String[] e : entries) {
      if (e.length > 3 && (e[0].equals(key) || e[2].equals(key))) {
        return e;
      }
    }
    return null;
  }

  /**
   * A symlink on the way (etc itself, or the file) could point out of the rootfs, into the
   * host's files: such a file is treated as absent.
   */
  private static List<String[]> read(Path rootfs, String rel) {
    Path etc = rootfs.resolve("etc");
    Path p = rootfs.resolve(rel);
    if (!Files.isDirectory(etc, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try {
      return Files.readAllLines(p).stream()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split(":", -1))
          .filter(f -> f.length > 3 && f[2].matches("[0-9]{1,9}")
              && (rel.endsWith("group") || f[3].matches("[0-9]{1,9}")))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
