package io.berth.cli.command;

/**
 * An image reference as users type it ({@code busybox}, {@code debian:bookworm},
 * {@code reg:5000/team/app@sha256:...}), with docker's normalisation rules.
 */
public record ImageRef(String domain, String path, String tag, String digest) {
  private static final String DOCKER_IO = "docker.io";

  public static ImageRef parse(String s) {
    String digest = null;
    int at = s.indexOf('@');
    if (at >= 0) {
      digest = s.substring(at + 1);
      s = s.substring(0, at);
    }
    String tag = null;
    int colon = s.lastIndexOf(':');
    if (colon > s.lastIndexOf('/')) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
    }
    String domain = DOCKER_IO;
    String path = s;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      String first = s.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
        domain = first;
        path = s.substring(slash + 1);
      }
    }
    if (domain.equals(DOCKER_IO) && !path.contains("/")) {
      path = "library/" + path;
    }
    return new ImageRef(domain, path, tag, digest);
  }

  /** {@code docker.io/library/busybox}: what the pull endpoint's fromImage carries. */
  public String fullName() {
    return domain + "/" + path;
  }

  /** {@code busybox}: the short name docker shows. */
  public String familiarName() {
    if (!domain.equals(DOCKER_IO)) {
      return domain + "/" + path;
    }
    return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
  }

  /** The tag to use: the given one, else {@code latest} unless a digest pins the image. */
  public String tagOrLatest() {
    return tag != null ? tag : digest != null ? null : "latest";
  }

  /** {@code busybox:latest}: the familiar name with the default tag filled in. */
  public String familiarWithTag() {
    String t = tagOrLatest();
    return familiarName() + (t == null ? "" : ":" + t) + (digest == null ? "" : "@" + digest);
  }
}
