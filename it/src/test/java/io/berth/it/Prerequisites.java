package io.berth.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Root, runc, conmon and the docker CLI. Missing ones skip on a laptop and fail under CI. */
final class Prerequisites {
  static final String DOCKER = "/usr/local/bin/docker";

  private Prerequisites() {}

  static void require() {
    boolean ci = "true".equals(System.getenv("CI"));
    List<String> missing = new java.util.ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      missing.add("root");
    }
    for (String p : List.of("/usr/bin/runc", "/usr/bin/conmon", "/bin/busybox", DOCKER)) {
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
