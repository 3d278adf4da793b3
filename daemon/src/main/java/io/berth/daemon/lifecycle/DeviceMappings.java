package io.berth.daemon.lifecycle;

import io.berth.common.error.InvalidParameterException;
import io.berth.runtime.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --device} and {@code --device-cgroup-rule}, as dockerd reads them: a host device node (or
 * every node under a host directory) made in the container with its permissions in the device
 * cgroup, and further cgroup rules in the kernel's notation.
 */
final class DeviceMappings {
  private static final Pattern RULE = Pattern.compile("^([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})$");

  private DeviceMappings() {}

  /** A device and the cgroup rule that lets the container use it as asked. */
  record Mapped(Spec.Device device, Spec.DeviceRule rule) {}

  /** Checks what a create carries, in dockerd's words, before anything is stored. */
  static void validate(List<Object> devices, List<String> rules) {
    for (Object d : devices == null ? List.of() : devices) {
      String mode = field(d, "CgroupPermissions");
      if (!mode.isEmpty() && !mode.matches("[rwm]{1,3}")) {
        throw new InvalidParameterException("invalid device mode: " + mode);
      }
      if (field(d, "PathOnHost").isEmpty()) {
        throw new InvalidParameterException("invalid device mapping: no PathOnHost");
      }
    }
    for (String r : rules == null ? List.<String>of() : rules) {
      rule(r);
    }
  }

  /** The host's nodes for the container's {@code Devices}, looked at when it starts. */
  static List<Mapped> map(List<Object> devices) {
    List<Mapped> out = new ArrayList<>();
    for (Object d : devices == null ? List.of() : devices) {
      String host = field(d, "PathOnHost");
      String inside = field(d, "PathInContainer");
      String mode = field(d, "CgroupPermissions");
      if (inside.isEmpty()) {
        inside = host;
      }
      if (mode.isEmpty()) {
        mode = "rwm";
      }
      try {
        Path resolved = Path.of(host).toRealPath();
        if (Files.isDirectory(resolved)) {
          // every device node below, at the same place below the container's path
          try (Stream<Path> walk = Files.walk(resolved)) {
            for (Path p : walk.toList()) {
              if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p)) {
                Mapped m = node(p, inside + "/" + resolved.relativize(p), mode, false);
                if (m != null) {
                  out.add(m);
                }
              }
            }
          }
        } else {
          out.add(node(resolved, inside, mode, true));
        }
      } catch (IOException e) {
        throw new InvalidParameterException("error gathering device information while adding custom device \""
            + host + "\": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : e.getMessage()));
      }
    }
    return out;
  }

  private static Mapped node(Path p, String inside, String mode, boolean mustBe) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:mode,rdev,uid,gid");
    int m = (Integer) a.get("mode");
    String type = (m & 0170000) == 0020000 ? "c" : (m & 0170000) == 0060000 ? "b" : null;
    if (type == null) {
      if (mustBe) {
        throw new InvalidParameterException("error gathering device information while adding custom device \""
            + p + "\": not a device node");
      }
      return null;
    }
    long rdev = (Long) a.get("rdev");
    long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
    long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
    return new Mapped(new Spec.Device(inside, type, major, minor, m & 07777, ((Number) a.get("uid")).longValue(),
        ((Number) a.get("gid")).longValue()), new Spec.DeviceRule(true, type, major, minor, mode));
  }

  /** A rule such as {@code c 1:3 rwm} or {@code a *:* m}. */
  static Spec.DeviceRule rule(String r) {
    Matcher m = RULE.matcher(r);
    if (!m.matches()) {
      throw new InvalidParameterException("invalid device cgroup rule format: '" + r + "'");
    }
    return new Spec.DeviceRule(true, m.group(1), m.group(2).equals("*") ? null : Long.valueOf(m.group(2)),
        m.group(3).equals("*") ? null : Long.valueOf(m.group(3)), m.group(4));
  }

  private static String field(Object d, String name) {
    return d instanceof Map<?, ?> m && m.get(name) != null ? String.valueOf(m.get(name)) : "";
  }
}
