package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pulls with the real docker CLI from Debian's registry on loopback, filled by skopeo from OCI
 * layouts the test writes; Docker Hub names reach it as berthd's registry mirror.
 */
class RegistryIT {
  static TestRegistry registry;
  static BerthDaemon daemon;
  static Path work;
  static OciLayout oci;
  static OciLayout.Layer base;
  static String bbDigest;

  @BeforeAll
  static void setUp() throws Exception {
    Prerequisites.requireRegistry();
    registry = TestRegistry.start();
    work = Files.createTempDirectory(Path.of("/tmp"), "berth-oci");
    oci = new OciLayout(work.resolve("layout"));
    base = oci.layer(OciLayout.busybox());
    var hello = oci.layer(List.of(OciLayout.Entry.dir("etc"), OciLayout.Entry.file("etc/hello", "hello from layer 2\n")));
    var bb = oci.image("amd64", List.of(base, hello), List.of("sh"));
    bbDigest = (String) bb.get("digest");
    oci.tag(bb, "bb");
    var arm = oci.image("arm64", List.of(base, oci.layer(List.of(OciLayout.Entry.file("arch", "arm64\n")))), List.of("sh"));
    oci.tag(oci.indexOf(List.of(arm, bb)), "multi");
    registry.push(oci.dir(), "bb", "tests/bb:1");
    registry.push(oci.dir(), "bb", "library/hubonly:latest");
    registry.push(oci.dir(), "multi", "tests/multi:1");
    daemon = new BerthDaemon(List.of("--registry-mirror", "http://" + registry.host()));
  }

  @AfterAll
  static void tearDown() throws Exception {
    try (AutoCloseable r = registry; AutoCloseable d = daemon) {
      if (work != null) {
        io.berth.common.io.MoreFiles.deleteRecursively(work);
      }
    }
  }

  /** Pushes an image no other test pulls (busybox and a layer naming {@code repo}); returns its digest. */
  static String pushUnique(String repo) throws Exception {
    var own = oci.layer(List.of(OciLayout.Entry.dir("etc"), OciLayout.Entry.file("etc/hello", repo + "\n")));
    var img = oci.image("amd64", List.of(base, own), List.of("sh"));
    oci.tag(img, repo.replace('/', '-'));
    registry.push(oci.dir(), repo.replace('/', '-'), repo + ":1");
    return (String) img.get("digest");
  }

  static Cmd docker(String... args) throws Exception {
    return DockerCliIT.dockerWith(daemon, null, args);
  }

  @Test
  void pull_thenRun_asDockerPrintsIt() throws Exception {
    String digest = pushUnique("tests/first");
    String ref = registry.host() + "/tests/first:1";
    Cmd pull = docker("pull", ref);
    assertThat(pull.exit()).as(pull.err()).isZero();
    assertThat(pull.out()).contains("1: Pulling from tests/first", "Pull complete",
        "Digest: " + digest, "Status: Downloaded newer image for " + ref, "\n" + ref + "\n");
    Cmd run = docker("run", "--rm", ref, "cat", "/etc/hello");
    assertThat(run.out()).isEqualTo("tests/first\n");
    Cmd digests = docker("inspect", "-f", "{{.RepoDigests}}", ref);
    assertThat(digests.out().trim()).isEqualTo("[" + registry.host() + "/tests/first@" + digest + "]");
    Cmd images = docker("images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}}",
        registry.host() + "/tests/first");
    assertThat(images.out()).isEqualTo(registry.host() + "/tests/first 1 " + digest + "\n");

    Cmd again = docker("pull", ref);
    assertThat(again.out()).contains("Status: Image is up to date for " + ref)
        .doesNotContain("Pulling fs layer", "Downloading");
  }

  @Test
  void push_skipsWhatTheRegistryHas_mountsWhatItHoldsElsewhere_andPullsBack() throws Exception {
    daemon.bootstrapBusybox();
    String ref = registry.host() + "/tests/pushed:1";
    assertThat(docker("tag", "busybox", ref).exit()).isZero();
    Cmd push = docker("push", ref);
    assertThat(push.exit()).as(push.err()).isZero();
    assertThat(push.out()).contains("The push refers to repository [" + registry.host() + "/tests/pushed]",
        ": Pushed", "1: digest: sha256:");
    String digest = push.out().replaceAll("(?s).*1: digest: (sha256:[0-9a-f]{64}) size: \\d+.*", "$1");
    assertThat(docker("inspect", "-f", "{{.RepoDigests}}", ref).out())
        .contains(registry.host() + "/tests/pushed@" + digest);

    assertThat(docker("push", ref).out()).contains(": Layer already exists", "1: digest: " + digest);
    String other = registry.host() + "/tests/pushed-too:2";
    docker("tag", "busybox", other);
    assertThat(docker("push", other).out()).contains(": Mounted from tests/pushed", "2: digest: " + digest);

    // another tool reads what was pushed, every blob checked against its digest
    Cmd inspect = Cmd.run(Map.of(), null, List.of(TestRegistry.SKOPEO, "inspect", "--raw", "--tls-verify=false",
        "docker://" + ref));
    assertThat(inspect.out()).contains("application/vnd.docker.distribution.manifest.v2+json");
    Cmd copy = Cmd.run(Map.of(), null, List.of(TestRegistry.SKOPEO, "copy", "--quiet", "--src-tls-verify=false",
        "docker://" + ref, "oci:" + work.resolve("copied") + ":x"));
    assertThat(copy.exit()).as(copy.err()).isZero();

    docker("rmi", ref, other);
    Cmd pull = docker("pull", ref);
    assertThat(pull.exit()).as(pull.err()).isZero();
    assertThat(docker("run", "--rm", ref, "echo", "back").out()).isEqualTo("back\n");
  }

  @Test
  void push_ofAPulledImage_sendsTheBlobsItWasPulledAs() throws Exception {
    String digest = pushUnique("tests/repush");
    String from = registry.host() + "/tests/repush:1";
    String to = registry.host() + "/elsewhere/repush:1";
    assertThat(docker("pull", from).exit()).isZero();
    docker("tag", from, to);
    Cmd push = docker("push", to);
    assertThat(push.exit()).as(push.err()).isZero();
    assertThat(push.out()).contains("Mounted from tests/repush").doesNotContain("Pushed");
    assertThat(digest).startsWith("sha256:");
  }

  @Test
  void push_unknownImage_failsInDockersWords() throws Exception {
    Cmd push = docker("push", registry.host() + "/tests/never:1");
    assertThat(push.exit()).isEqualTo(1);
    assertThat(push.err()).contains("An image does not exist locally with the tag: " + registry.host() + "/tests/never");
  }

  @Test
  void login_checksCredentials_andPullPushUseThem() throws Exception {
    try (TestRegistry locked = TestRegistry.start("alice", "s3cret")) {
      daemon.bootstrapBusybox();
      String ref = locked.host() + "/private/bb:1";
      docker("tag", "busybox", ref);
      Cmd anonymous = docker("push", ref);
      assertThat(anonymous.exit()).isEqualTo(1);
      assertThat(anonymous.err()).contains("no basic auth credentials");

      Cmd wrong = docker("login", "-u", "alice", "-p", "nope", locked.host());
      assertThat(wrong.exit()).isEqualTo(1);
      assertThat(wrong.err()).contains("Error response from daemon: login attempt to http://" + locked.host()
          + "/v2/ failed with status: 401 Unauthorized");
      try {
        Cmd ok = docker("login", "-u", "alice", "-p", "s3cret", locked.host());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Login Succeeded");
        assertThat(docker("push", ref).exit()).isZero();
        docker("rmi", ref);
        Cmd pull = docker("pull", ref);
        assertThat(pull.exit()).as(pull.err()).isZero();
      } finally {
        docker("logout", locked.host());
      }
      Cmd after = docker("pull", locked.host() + "/private/bb:2");
      assertThat(after.exit()).isEqualTo(1);
      assertThat(after.err()).contains("no basic auth credentials");
    }
  }

  @Test
  void tokenAuth_loginPushPull_withTheBearerFlow() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "berth-tokens");
    try (TokenServer tokens = new TokenServer(dir, "bob", "hunter2");
        TestRegistry secured = TestRegistry.startWithTokens(tokens)) {
      daemon.bootstrapBusybox();
      String ref = secured.host() + "/team/app:1";
      docker("tag", "busybox", ref);
      Cmd anonymous = docker("push", ref);
      assertThat(anonymous.exit()).isEqualTo(1);

      Cmd wrong = docker("login", "-u", "bob", "-p", "nope", secured.host());
      assertThat(wrong.exit()).isEqualTo(1);
      assertThat(wrong.err()).contains("/v2/\": unauthorized: incorrect username or password");
      try {
        Cmd ok = docker("login", "-u", "bob", "-p", "hunter2", secured.host());
        assertThat(ok.exit()).as(ok.err()).isZero();
        Cmd push = docker("push", ref);
        assertThat(push.exit()).as(push.err()).isZero();
        docker("rmi", ref);
        int issued = tokens.tokens.get();
        Cmd pull = docker("pull", ref);
        assertThat(pull.exit()).as(pull.err()).isZero();
        // one token for the pull's scope, shared by all its requests
        assertThat(tokens.tokens.get() - issued).isEqualTo(1);
      } finally {
        docker("logout", secured.host());
      }
    } finally {
      io.berth.common.io.MoreFiles.deleteRecursively(dir);
    }
  }

  @Test
  void pull_ofAnImageOf120Layers_mountsAndRuns() throws Exception {
    List<OciLayout.Layer> layers = new java.util.ArrayList<>(List.of(base));
    for (int i = 1; i < 120; i++) {
      layers.add(oci.layer(List.of(OciLayout.Entry.dir("deep"), OciLayout.Entry.file("deep/f" + i, i + "\n"))));
    }
    var img = oci.image("amd64", layers, List.of("sh"));
    oci.tag(img, "deep");
    registry.push(oci.dir(), "deep", "tests/deep:1");
    String ref = registry.host() + "/tests/deep:1";
    Cmd pull = docker("pull", ref);
    assertThat(pull.exit()).as(pull.err()).isZero();
    Cmd run = docker("run", "--rm", ref, "sh", "-c", "ls /deep | wc -l; cat /deep/f119");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("119\n119\n");
  }

  @Test
  void search_asksTheRegistrysIndex() throws Exception {
    var index = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
    index.createContext("/v1/", x -> {
      try (x) {
        byte[] b = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (x.getRequestURI().getPath().equals("/v1/search")) {
          queries.add(x.getRequestURI().getQuery());
          b = ("{\"num_results\":2,\"query\":\"busy\",\"results\":[{\"name\":\"busybox\",\"description\":\"tiny\","
              + "\"star_count\":12,\"is_official\":true,\"is_automated\":false},{\"name\":\"me/busy\","
              + "\"description\":\"mine\",\"star_count\":1,\"is_official\":false,\"is_automated\":false}]}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
      }
    });
    index.start();
    try {
      String host = "127.0.0.1:" + index.getAddress().getPort();
      Cmd search = docker("search", "--limit", "5", host + "/busy");
      assertThat(search.exit()).as(search.err()).isZero();
      assertThat(search.out()).contains("NAME", "DESCRIPTION", "STARS", "OFFICIAL", "busybox", "tiny", "me/busy");
      assertThat(queries).contains("q=busy&n=5");
      Cmd official = docker("search", "--filter", "is-official=true", host + "/busy");
      assertThat(official.out()).contains("busybox").doesNotContain("me/busy");
      for (List<String> args : List.of(List.of("search", host + "/busy"),
          List.of("search", "--no-trunc", "--format", "{{.Name}}: {{.IsOfficial}}", host + "/busy"),
          List.of("search", "--format", "json", "-f", "stars=2", host + "/busy"))) {
        Cmd berth = BerthCliIT.berthWith(daemon, "", args.toArray(String[]::new));
        assertThat(berth.exit()).as(berth.err()).isZero();
        assertThat(berth.out()).isEqualTo(docker(args.toArray(String[]::new)).out());
      }
    } finally {
      index.stop(0);
    }
  }

  /** What a registry stand-in may do to a blob before it is sent: change it, or answer itself and fail. */
  interface BlobTamper {
    void apply(String hex, byte[] body, com.sun.net.httpserver.HttpExchange x) throws IOException;
  }

  /** A registry stand-in, started, serving {@code img} of the OCI layout as {@code repo}, tampered with. */
  static com.sun.net.httpserver.HttpServer standIn(String repo, Map<String, Object> img, BlobTamper tamper)
      throws IOException {
    var fake = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext("/v2/", x -> {
      try (x) {
        String path = x.getRequestURI().getPath();
        byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String type = "application/json";
        if (path.startsWith("/v2/" + repo + "/manifests/")) {
          body = Files.readAllBytes(oci.dir().resolve("blobs/sha256/" + ((String) img.get("digest")).substring(7)));
          type = "application/vnd.oci.image.manifest.v1+json";
        } else if (path.startsWith("/v2/" + repo + "/blobs/sha256:")) {
          String hex = path.substring(("/v2/" + repo + "/blobs/sha256:").length());
          body = Files.readAllBytes(oci.dir().resolve("blobs/sha256/" + hex));
          tamper.apply(hex, body, x);
        }
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
      }
    });
    fake.start();
    return fake;
  }

  @Test
  void pull_ofABlobThatIsNotItsDigest_storesNothing_andAGoodPullAfterwardsWorks() throws Exception {
    var own = oci.layer(List.of(OciLayout.Entry.dir("etc"), OciLayout.Entry.file("etc/hello", "bad blob\n")));
    var img = oci.image("amd64", List.of(base, own), List.of("sh"));
    String layer = (String) own.descriptor().get("digest");
    java.util.concurrent.atomic.AtomicBoolean corrupt = new java.util.concurrent.atomic.AtomicBoolean(true);
    var fake = standIn("bad", img, (hex, body, x) -> {
      if (corrupt.get() && ("sha256:" + hex).equals(layer)) {
        body[body.length / 2] ^= 0x55; // same length, other bytes
      }
    });
    try {
      String ref = "127.0.0.1:" + fake.getAddress().getPort() + "/bad:1";
      Cmd pull = docker("pull", ref);
      assertThat(pull.exit()).isEqualTo(1);
      assertThat(pull.err()).contains("filesystem layer verification failed for digest " + layer);
      assertThat(docker("images", "-q", ref).out()).isEmpty();
      corrupt.set(false);
      Cmd again = docker("pull", ref);
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(docker("run", "--rm", ref, "cat", "/etc/hello").out()).isEqualTo("bad blob\n");
    } finally {
      fake.stop(0);
    }
  }

  /**
   * A layer that inflates past {@code --max-layer-size}, and a registry that drops the connection
   * mid-blob at every attempt: each pull fails with a clear error, leaves no image and no blob,
   * and the next pull works.
   */
  @Test
  void pull_ofABombOrADroppedBlob_storesNothing_andTheNextPullWorks() throws Exception {
    var zeros = oci.layer(List.of(OciLayout.Entry.file("zeros", "\0".repeat(8 << 20))));
    var bomb = oci.image("amd64", List.of(base, zeros), List.of("sh"));
    oci.tag(bomb, "bomb");
    registry.push(oci.dir(), "bomb", "tests/bomb:1");
    var own = oci.layer(List.of(OciLayout.Entry.file("dropped", "dropped once\n")));
    var img = oci.image("amd64", List.of(base, own), List.of("sh"));
    String layer = (String) own.descriptor().get("digest");
    java.util.concurrent.atomic.AtomicBoolean drop = new java.util.concurrent.atomic.AtomicBoolean(true);
    var fake = standIn("drop", img, (hex, body, x) -> {
      if (drop.get() && ("sha256:" + hex).equals(layer)) {
        // promise the whole blob, send half of it, hang up
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body, 0, body.length / 2);
        x.getResponseBody().flush();
        throw new java.io.IOException("dropped on purpose");
      }
    });
    try (BerthDaemon limited = new BerthDaemon(List.of("--max-layer-size", "3m", "--max-download-attempts", "2"))) {
      Path blobs = limited.dataRoot().resolve("image/blobs/sha256");
      String bombRef = registry.host() + "/tests/bomb:1";
      Cmd pull = DockerCliIT.dockerWith(limited, null, "pull", bombRef);
      assertThat(pull.exit()).isEqualTo(1);
      assertThat(pull.err()).contains("failed to register layer: the layer unpacks to more than 3.146MB, "
          + "the most berthd's --max-layer-size allows");
      assertThat(DockerCliIT.dockerWith(limited, null, "images", "-q", bombRef).out()).isEmpty();
      assertThat(blobs.resolve(((String) zeros.descriptor().get("digest")).substring(7))).doesNotExist();

      String dropRef = "127.0.0.1:" + fake.getAddress().getPort() + "/drop:1";
      Cmd dropped = DockerCliIT.dockerWith(limited, null, "pull", dropRef);
      assertThat(dropped.exit()).isEqualTo(1);
      assertThat(dropped.err()).contains("failed to download " + layer + ": the connection broke after ",
          " bytes, 2 attempts");
      assertThat(DockerCliIT.dockerWith(limited, null, "images", "-q", dropRef).out()).isEmpty();
      assertThat(blobs.resolve(layer.substring(7))).doesNotExist();

      drop.set(false);
      Cmd again = DockerCliIT.dockerWith(limited, null, "pull", dropRef);
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(DockerCliIT.dockerWith(limited, null, "run", "--rm", dropRef, "cat", "/dropped").out())
          .isEqualTo("dropped once\n");
    } finally {
      fake.stop(0);
    }
  }

  /** A pulled layer's tar is rebuilt from its files for save; load checks it against the diffIDs. */
  @Test
  void save_ofAPulledImage_rebuildsItsLayers_andLoadsBack(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    pushUnique("tests/saved");
    String ref = registry.host() + "/tests/saved:1";
    assertThat(docker("pull", ref).exit()).isZero();
    Path tar = dir.resolve("saved.tar");
    Cmd save = docker("save", "-o", tar.toString(), ref);
    assertThat(save.exit()).as(save.err()).isZero();
    assertThat(docker("rmi", ref).exit()).isZero();
    Cmd load = docker("load", "-i", tar.toString());
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(load.out()).contains("Loaded image: " + ref);
    assertThat(docker("run", "--rm", ref, "cat", "/etc/hello").out()).isEqualTo("tests/saved\n");
    // a loaded layer keeps no tar: a push gzips the tar rebuilt from its files
    String again = registry.host() + "/tests/reloaded:1";
    assertThat(docker("tag", ref, again).exit()).isZero();
    Cmd push = docker("push", again);
    assertThat(push.exit()).as(push.err()).isZero();
    assertThat(docker("rmi", ref, again).exit()).isZero();
    assertThat(docker("pull", again).exit()).isZero();
    assertThat(docker("run", "--rm", again, "cat", "/etc/hello").out()).isEqualTo("tests/saved\n");
  }

  /** skopeo copies from the registry into an OCI layout; berth load reads that layout, tarred. */
  @Test
  void skopeosOciLayoutOfARegistryImage_loadsWithBerth(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    pushUnique("tests/layout");
    Path layout = dir.resolve("layout");
    Cmd copy = Cmd.run(Map.of(), null, List.of(TestRegistry.SKOPEO, "copy", "--quiet", "--src-tls-verify=false",
        "docker://" + registry.host() + "/tests/layout:1", "oci:" + layout + ":layout"));
    assertThat(copy.exit()).as(copy.err()).isZero();
    Path tar = dir.resolve("layout.tar");
    Cmd pack = Cmd.run(Map.of(), null, List.of("tar", "-C", layout.toString(), "-cf", tar.toString(), "."));
    assertThat(pack.exit()).as(pack.err()).isZero();

    Cmd load = BerthCliIT.berthWith(daemon, "", "load", "-i", tar.toString());

    assertThat(load.exit()).as(load.err()).isZero();
    // skopeo names the image "layout", no repository: it loads by id
    assertThat(load.out()).matches("Loaded image ID: sha256:[0-9a-f]{64}\n");
    String id = load.out().strip().substring("Loaded image ID: ".length());
    assertThat(docker("run", "--rm", id, "cat", "/etc/hello").out()).isEqualTo("tests/layout\n");
  }

  @Test
  void pullByDigest_namesTheImageByItsDigest() throws Exception {
    String digest = pushUnique("tests/bydigest");
    String ref = registry.host() + "/tests/bydigest@" + digest;
    Cmd pull = docker("pull", ref);
    assertThat(pull.exit()).as(pull.err()).isZero();
    assertThat(pull.out()).contains(ref + ": Pulling from tests/bydigest",
        "Status: Downloaded newer image for " + ref);
    Cmd tags = docker("inspect", "-f", "{{.RepoTags}} {{.RepoDigests}}", ref);
    assertThat(tags.out().trim()).isEqualTo("[] [" + ref + "]");
  }

  @Test
  void hubName_comesFromTheMirror_andRunPullsWhatIsMissing() throws Exception {
    Cmd run = docker("run", "--rm", "hubonly", "cat", "/etc/hello");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("Unable to find image 'hubonly:latest' locally");
    assertThat(run.out()).endsWith("hello from layer 2\n");
    Cmd info = docker("info", "-f", "{{json .RegistryConfig.Mirrors}} {{json .RegistryConfig.InsecureRegistryCIDRs}}");
    assertThat(info.out().strip()).isEqualTo("[\"http://" + registry.host() + "/\"] [\"::1/128\",\"127.0.0.0/8\"]");
  }

  @Test
  void pull_unknownTagOrRepository_failsInDockersWords() throws Exception {
    Cmd tag = docker("pull", registry.host() + "/tests/bb:nope");
    assertThat(tag.exit()).isEqualTo(1);
    assertThat(tag.err()).contains("Error response from daemon: manifest for " + registry.host()
        + "/tests/bb:nope not found: manifest unknown: manifest unknown");
    // distribution 2.8 answers an unknown repository's tag with MANIFEST_UNKNOWN too
    Cmd repo = docker("pull", registry.host() + "/tests/nothing:1");
    assertThat(repo.exit()).isEqualTo(1);
    assertThat(repo.err()).contains("Error response from daemon: manifest for " + registry.host()
        + "/tests/nothing:1 not found: manifest unknown: manifest unknown");
  }

  @Test
  void pull_index_picksThePlatform() throws Exception {
    String ref = registry.host() + "/tests/multi:1";
    Cmd host = docker("pull", ref);
    assertThat(host.exit()).as(host.err()).isZero();
    assertThat(docker("image", "inspect", "-f", "{{.Architecture}}", ref).out().trim()).isEqualTo("amd64");

    Cmd arm = docker("pull", "--platform", "linux/arm64", ref);
    assertThat(arm.exit()).as(arm.err()).isZero();
    assertThat(docker("image", "inspect", "-f", "{{.Architecture}}", ref).out().trim()).isEqualTo("arm64");

    Cmd none = docker("pull", "--platform", "linux/s390x", ref);
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).contains("no matching manifest for linux/s390x in the manifest list entries");
  }

  @Test
  void pullProgress_overTheApi_isDockersStream() throws Exception {
    pushUnique("tests/api");
    try (var r = daemon.client().request("POST", "/v1.50/images/create?fromImage=" + registry.host()
        + "/tests/api&tag=1", Map.of(), (byte[]) null)) {
      assertThat(r.status()).isEqualTo(200);
      String body = r.text();
      assertThat(body).contains("\"status\":\"Pulling fs layer\"");
      for (String line : body.split("\r\n")) {
        var m = Json.mapper().readTree(line);
        if (m.path("status").asText().equals("Pulling fs layer")) {
          assertThat(m.path("progressDetail").isObject()).isTrue();
          assertThat(m.path("id").asText()).hasSize(12);
          assertThat(m.has("progress")).as("nothing counted yet").isFalse();
        }
        if (m.path("status").asText().equals("Extracting")) {
          // the text older clients print, drawn as dockerd draws it (as if 200 columns wide)
          assertThat(m.path("progress").asText()).matches("\\[=*> *\\] +[0-9.]+[kM]?B/[0-9.]+[kM]?B");
        }
      }
    }
    try (var r = daemon.client().request("POST", "/v1.50/images/create?fromImage=" + registry.host()
        + "/tests/none&tag=1", Map.of(), (byte[]) null)) {
      assertThat(r.status()).isEqualTo(404);
    }
  }
}
