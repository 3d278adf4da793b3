package io.berth.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Root, runc, conmon and the docker CLI. Missing ones skip on a laptop and fail under CI. */
final class Prerequisites {
  static final String DOCKER = "/usr/local/bin/docker";

  private Prerequisites() {}

  /** As {@link #require}, plus Debian's docker-registry, skopeo and htpasswd. */
  static void requireRegistry() {
    require("/usr/bin/docker-registry", "/usr/bin/skopeo", "/usr/bin/htpasswd");
  }

  static void require(String... more) {
    boolean ci = "true".equals(System.getenv("CI"));
    List<String> missing = new java.util.ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      missing.add("root");
    }
    List<String> tools = new java.util.ArrayList<>(List.of("/usr/bin/runc", "/usr/bin/conmon", "/bin/busybox", DOCKER));
    tools.addAll(List.of(more));
    for (String p : tools) {
      if (!Files.isExecutable(Path.of(p))) {
        missing.add(p);
      }
    }
    if (ci && !missing.isEmpty()) {
      throw new IllegalStateException("missing prerequisites under CI: " + missing);
    }
    assumeTrue(missing.isEmpty(), "missing prerequisites: " + missing);
  }
}
