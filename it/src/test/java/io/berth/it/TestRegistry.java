package io.berth.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (distribution 2.8) on a free loopback port with a root of its own,
 * optionally behind htpasswd Basic auth; removed with its data on close.
 */
final class TestRegistry implements AutoCloseable {
  static final String BINARY = "/usr/bin/docker-registry";
  static final String SKOPEO = "/usr/bin/skopeo";

  private final Path dir;
  private final int port;
  private final Process process;

  private TestRegistry(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** An anonymous registry. */
  static TestRegistry start() throws Exception {
    return start(null, null);
  }

  /** A registry that trusts the tokens of {@code tokens} (the Bearer flow). */
  static TestRegistry startWithTokens(TokenServer tokens) throws Exception {
    String auth = "auth:\n  token:\n    realm: " + tokens.realm() + "\n    service: " + TokenServer.SERVICE
        + "\n    issuer: " + TokenServer.ISSUER + "\n    rootcertbundle: " + tokens.certificate() + "\n";
    return start(null, null, auth);
  }

  /** A registry that asks for {@code user}'s password by Basic auth (none when user is null). */
  static TestRegistry start(String user, String password) throws Exception {
    return start(user, password, null);
  }

  private static TestRegistry start(String user, String password, String authYaml) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "berth-registry");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StringBuilder config = new StringBuilder("""
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        """.formatted(dir.resolve("data"), port));
    if (user != null) {
      Path htpasswd = dir.resolve("htpasswd");
      Cmd h = Cmd.run(java.util.Map.of(), null, List.of("htpasswd", "-Bbn", user, password));
      if (h.exit() != 0) {
        throw new IllegalStateException("htpasswd: " + h.err());
      }
      Files.writeString(htpasswd, h.out());
      config.append("""
          auth:
            htpasswd:
              realm: berth-tests
              path: %s
          """.formatted(htpasswd));
    }
    if (authYaml != null) {
      config.append(authYaml);
    }
    Path file = dir.resolve("config.yml");
    Files.writeString(file, config);
    Process p = new ProcessBuilder(BINARY, "serve", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile())
        .start();
    TestRegistry r = new TestRegistry(dir, port, p);
    try {
      HttpClient http = HttpClient.newHttpClient();
      Wait.until(Duration.ofSeconds(20), () -> {
        if (!p.isAlive()) {
          throw new IllegalStateException("registry exited: " + Files.readString(dir.resolve("registry.log")));
        }
        try {
          int s = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode();
          return s == 200 || s == 401;
        } catch (IOException e) {
          return false;
        }
      }, "registry on port " + port);
      return r;
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** {@code 127.0.0.1:port}. */
  String host() {
    return "127.0.0.1:" + port;
  }

  /** Copies an OCI layout's tagged image into this registry with skopeo. */
  void push(Path layout, String tag, String repoAndTag, String... credentials) throws Exception {
    List<String> argv = new ArrayList<>(List.of(SKOPEO, "copy", "--quiet", "--dest-tls-verify=false"));
    if (credentials.length == 2) {
      argv.add("--dest-creds=" + credentials[0] + ":" + credentials[1]);
    }
    argv.add("--all");
    argv.add("oci:" + layout + ":" + tag);
    argv.add("docker://" + host() + "/" + repoAndTag);
    Cmd r = Cmd.run(java.util.Map.of(), null, argv);
    if (r.exit() != 0) {
      throw new IllegalStateException("skopeo copy failed: " + r.err());
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    io.berth.common.io.MoreFiles.deleteRecursively(dir);
  }
}
