package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.client.StdCopy;
import io.berth.http.Hijacked;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands run in-process against a fake daemon on a unix socket; output compared byte for byte. */
class CliCommandsTest {
  private static final String ID = "4c01db0b339c5a0b8d2a0e6f4b7c1d2e3f405162738495a6b7c8d9e0f1a2b3c4";
  private static FakeDaemon daemon;

  @BeforeAll
  static void start() throws Exception {
    daemon = new FakeDaemon();
  }

  @AfterAll
  static void stop() throws Exception {
    daemon.close();
  }

  @BeforeEach
  void reset() {
    daemon.reset();
  }

  @Test
  void ps_oneRunningContainer_printsDockersTable() {
    long created = Instant.now().getEpochSecond() - 150;
    daemon.json("GET /containers/json", 200, "[{\"Id\":\"" + ID + "\",\"Names\":[\"/web\"],\"Image\":\"busybox\","
        + "\"ImageID\":\"sha256:abc\",\"Command\":\"sleep 60\",\"Created\":" + created + ",\"Ports\":[],"
        + "\"Labels\":{},\"State\":\"running\",\"Status\":\"Up 2 minutes\"}]");
    FakeDaemon.Result r = daemon.run("ps");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(
        "CONTAINER ID   IMAGE     COMMAND      CREATED         STATUS         PORTS     NAMES\n"
            + "4c01db0b339c   busybox   \"sleep 60\"   2 minutes ago   Up 2 minutes             web\n");
    assertThat(daemon.last("GET", "/containers/json").query()).doesNotContainKey("all");
  }

  @Test
  void ps_longCommandAndSize_truncatesWithEllipsisAndAddsSizeColumn() {
    daemon.json("GET /containers/json", 200, "[{\"Id\":\"" + ID + "\",\"Names\":[\"/db\"],\"Image\":\"debian:bookworm\","
        + "\"Command\":\"sh -c \\\"while true; do sleep 1; done\\\"\",\"Created\":" + (Instant.now().getEpochSecond() - 1800)
        + ",\"State\":\"exited\",\"Status\":\"Exited (0) 2 seconds ago\",\"SizeRw\":12,\"SizeRootFs\":4261550}]");
    FakeDaemon.Result r = daemon.run("ps", "-a", "-s");
    assertThat(r.out()).isEqualTo(
        "CONTAINER ID   IMAGE             COMMAND                   CREATED          STATUS                     PORTS     NAMES     SIZE\n"
            + "4c01db0b339c   debian:bookworm   \"sh -c \\\"while true; …\"   30 minutes ago   Exited (0) 2 seconds ago             db        12B (virtual 4.26MB)\n");
    assertThat(daemon.last("GET", "/containers/json").query().get("size")).containsExactly("1");
  }

  @Test
  void ps_noContainers_printsHeaderOnly() {
    daemon.json("GET /containers/json", 200, "[]");
    assertThat(daemon.run("container", "ls", "-a").out())
        .isEqualTo("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
    assertThat(daemon.last("GET", "/containers/json").query().get("all")).containsExactly("1");
  }

  @Test
  void ps_quietNoTruncAndFilters_sendsDockerQueryAndPrintsFullIds() {
    daemon.json("GET /containers/json", 200, "[{\"Id\":\"" + ID + "\",\"Names\":[\"/a\"],\"Created\":1}]");
    FakeDaemon.Result r = daemon.run("ps", "-q", "--no-trunc", "-f", "status=exited", "-f", "name=a", "-l");
    assertThat(r.out()).isEqualTo(ID + "\n");
    FakeDaemon.Call call = daemon.last("GET", "/containers/json");
    assertThat(call.query().get("filters")).containsExactly("{\"name\":{\"a\":true},\"status\":{\"exited\":true}}");
    assertThat(call.query().get("limit")).containsExactly("1");
  }

  @Test
  void ps_customTableFormat_buildsHeaderFromFieldNames() {
    daemon.json("GET /containers/json", 200, "[{\"Id\":\"" + ID + "\",\"Names\":[\"/web\"],\"State\":\"exited\","
        + "\"Labels\":{\"b\":\"2\",\"a\":\"1\"},\"Created\":1}]");
    FakeDaemon.Result r = daemon.run("ps", "--format", "table {{.Names}}\\t{{.State}}\\t{{.Labels}}\\t{{.Label \"a\"}}");
    assertThat(r.out()).isEqualTo("NAMES     STATE     LABELS    a\nweb       exited    a=1,b=2   1\n");
  }

  @Test
  void ps_jsonFormat_printsDockersFieldSet() {
    daemon.json("GET /containers/json", 200, "[{\"Id\":\"" + ID + "\",\"Names\":[\"/web\"],\"Image\":\"busybox\","
        + "\"Command\":\"sh\",\"State\":\"running\",\"Status\":\"Up 1 second\",\"Created\":1}]");
    String out = daemon.run("ps", "--format", "json").out();
    assertThat(out).startsWith("{\"Command\":\"\\\"sh\\\"\",\"CreatedAt\":").contains(
        "\"ID\":\"4c01db0b339c\",\"Image\":\"busybox\",\"Labels\":\"\",\"LocalVolumes\":\"0\",\"Mounts\":\"\","
            + "\"Names\":\"web\",\"Networks\":\"\",\"Platform\":null,\"Ports\":\"\",\"RunningFor\":")
        .endsWith("\"Size\":\"0B\",\"State\":\"running\",\"Status\":\"Up 1 second\"}\n");
  }

  @Test
  void ps_command_isGoQuotedAndTruncatedInsideTheQuotes() {
    daemon.json("GET /containers/json", 200, "[" + row("a", "sh -c 'exit 3'") + "," + row("b", "echo 'a long command here'")
        + "," + row("c", "echo 日本語日本語日本語日本語") + "," + row("d", "printf a\\tb\\u00a0c") + "]");
    FakeDaemon.Result r = daemon.run("ps", "-a", "--format", "table {{.Command}}\t{{.Names}}");
    assertThat(r.out()).isEqualTo("""
        COMMAND                  NAMES
        "sh -c 'exit 3'"         a
        "echo 'a long comman…"   b
        "echo 日本語日本語日…"   c
        "printf a\\tb\\u00a0c"     d
        """);
    assertThat(daemon.run("ps", "-a", "--no-trunc", "--format", "{{.Command}}").out()).isEqualTo("""
        "sh -c 'exit 3'"
        "echo 'a long command here'"
        "echo 日本語日本語日本語日本語"
        "printf a\\tb\\u00a0c"
        """);
  }

  /** A listed container whose Command is {@code command}, JSON escapes and all. */
  private static String row(String name, String command) {
    return "{\"Id\":\"" + ID + "\",\"Names\":[\"/" + name + "\"],\"Command\":\"" + command
        + "\",\"Created\":1,\"State\":\"exited\"}";
  }

  @Test
  void ps_sizeWithoutDaemonSizes_rendersZeroAsDocker() {
    daemon.json("GET /containers/json", 200, "[" + row("a", "true") + "]");
    assertThat(daemon.run("ps", "-s", "--format", "table {{.Names}}\t{{.Size}}").out()).isEqualTo("NAMES     SIZE\na         0B\n");
  }

  @Test
  void ps_formatReadingSize_asksForSizesUnlessSizeIsSetFalse() {
    daemon.json("GET /containers/json", 200, "[]");
    daemon.run("ps", "--format", "{{.Names}} {{.Size}}");
    assertThat(daemon.last("GET", "/containers/json").query().get("size")).containsExactly("1");
    daemon.run("ps", "--format", "{{json .}}");
    assertThat(daemon.last("GET", "/containers/json").query().get("size")).containsExactly("1");
    daemon.run("ps", "--format", "{{if false}}{{.Size}}{{end}}");
    assertThat(daemon.last("GET", "/containers/json").query()).doesNotContainKey("size");
    daemon.run("ps", "--size=false", "--format", "{{.Size}}");
    assertThat(daemon.last("GET", "/containers/json").query()).doesNotContainKey("size");
    daemon.run("ps", "--format", "json");
    assertThat(daemon.last("GET", "/containers/json").query()).doesNotContainKey("size");
  }

  @Test
  void ps_badFormat_failsBeforeListingWithDockersWords() {
    FakeDaemon.Result r = daemon.run("ps", "--format", "table {{.Names}} {{.Foo}}");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("failed to execute template: template: :1:19: executing \"\" at <.Foo>:"
        + " can't evaluate field Foo in type *formatter.ContainerContext\n");
    assertThat(daemon.run("ps", "--format", "{{.Names").err()).isEqualTo("failed to parse template: template: :1: unclosed action\n");
    assertThat(daemon.calls).isEmpty();
  }

  @Test
  void create_cidfile_getsTheIdAfterCreateAndIsRemovedWhenCreateFails(@TempDir Path dir) throws Exception {
    daemon.json("POST /containers/create", 201, "{\"Id\":\"" + ID + "\",\"Warnings\":null}");
    Path cid = dir.resolve("cid");
    FakeDaemon.Result r = daemon.run("create", "--cidfile", cid.toString(), "busybox");
    assertThat(r.code()).isZero();
    assertThat(Files.readString(cid)).isEqualTo(ID);
    assertThat(daemon.last("POST", "/containers/create").body()).contains("\"ContainerIDFile\":\"" + cid + "\"");

    r = daemon.run("create", "--cidfile", cid.toString(), "busybox");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("container ID file found, make sure the other container isn't running or delete "
        + cid + "\n");

    daemon.json("POST /containers/create", 400, "{\"message\":\"nope\"}");
    Path other = dir.resolve("other");
    r = daemon.run("run", "--cidfile", other.toString(), "busybox");
    assertThat(r.code()).isEqualTo(125);
    assertThat(other).doesNotExist();

    r = daemon.run("run", "--cidfile", dir.resolve("no/such/dir").toString(), "busybox");
    assertThat(r.code()).isEqualTo(127);
    assertThat(r.err()).startsWith("berth: failed to create the container ID file: open " + dir.resolve("no/such/dir")
        + ": no such file or directory\n");
  }

  @Test
  void run_unsupportedFlag_isRefusedBeforeAnyRequest() {
    FakeDaemon.Result r = daemon.run("run", "--rm", "--cgroup-parent", "/x", "busybox", "true");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).isEqualTo("berth: berth does not support --cgroup-parent yet\n\nRun 'berth run --help' for more information\n");
    r = daemon.run("create", "--rm", "--restart", "always", "busybox");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).isEqualTo("berth: conflicting options: cannot specify both --restart and --rm\n\n"
        + "Run 'berth create --help' for more information\n");
    assertThat(daemon.calls).isEmpty();
  }

  @Test
  void images_taggedAndDangling_printsOneRowPerTag() {
    long created = Instant.now().getEpochSecond() - 3 * 24 * 3600;
    daemon.json("GET /images/json", 200, "[{\"Id\":\"sha256:" + ID + "\",\"RepoTags\":[\"busybox:latest\"],"
        + "\"RepoDigests\":[],\"Created\":" + created + ",\"Size\":4261550,\"Containers\":-1},"
        + "{\"Id\":\"sha256:1111111111112222\",\"RepoTags\":[],\"RepoDigests\":[],\"Created\":" + created
        + ",\"Size\":0}]");
    FakeDaemon.Result r = daemon.run("images");
    assertThat(r.out()).isEqualTo("""
        REPOSITORY   TAG       IMAGE ID       CREATED      SIZE
        busybox      latest    4c01db0b339c   3 days ago   4.26MB
        <none>       <none>    111111111111   3 days ago   0B
        """);
  }

  @Test
  void images_quiet_printsShortIds() {
    daemon.json("GET /images/json", 200, "[{\"Id\":\"sha256:" + ID + "\",\"RepoTags\":[\"a:b\"],\"Created\":1,\"Size\":1}]");
    assertThat(daemon.run("image", "ls", "-q").out()).isEqualTo("4c01db0b339c\n");
  }

  @Test
  void rm_missingContainer_reportsDaemonErrorAndExits1() {
    daemon.json("DELETE /containers/x", 404, "{\"message\":\"No such container: x\"}");
    FakeDaemon.Result r = daemon.run("rm", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Error response from daemon: No such container: x\n");
  }

  @Test
  void rm_forceWithMixedResults_printsRemovedAndIgnoresMissing() {
    daemon.on("DELETE /containers/a", (req, resp) -> resp.send(204, null, new byte[0]));
    daemon.json("DELETE /containers/x", 404, "{\"message\":\"No such container: x\"}");
    FakeDaemon.Result r = daemon.run("rm", "-f", "a", "x");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("a\n");
    assertThat(r.err()).isEqualTo("Error response from daemon: No such container: x\n");
    assertThat(daemon.last("DELETE", "/containers/a").query().get("force")).containsExactly("1");
  }

  @Test
  void start_oneMissingOfTwo_printsErrorThenFailureSummary() {
    daemon.on("POST /containers/a/start", (req, resp) -> resp.send(204, null, new byte[0]));
    daemon.json("POST /containers/x/start", 404, "{\"message\":\"No such container: x\"}");
    FakeDaemon.Result r = daemon.run("start", "x", "a");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("a\n");
    assertThat(r.err()).isEqualTo("Error response from daemon: No such container: x\n"
        + "Error: failed to start containers: x\n");
  }

  @Test
  void stop_withTimeoutAndSignal_sendsQueryAndEchoesName() {
    daemon.on("POST /containers/web/stop", (req, resp) -> resp.send(204, null, new byte[0]));
    FakeDaemon.Result r = daemon.run("stop", "-t", "3", "-s", "SIGINT", "web");
    assertThat(r.out()).isEqualTo("web\n");
    FakeDaemon.Call c = daemon.last("POST", "/containers/web/stop");
    assertThat(c.query().get("t")).containsExactly("3");
    assertThat(c.query().get("signal")).containsExactly("SIGINT");
  }

  @Test
  void inspect_containerThenImageThenNothing_autodetectsAndReportsNoSuchObject() {
    daemon.json("GET /containers/c1/json", 200, "{\"Id\":\"c1\",\"State\":{\"Running\":true,\"Pid\":42},\"Config\":{\"Env\":null,\"Cmd\":[\"sh\",\"-c\"]}}");
    daemon.json("GET /images/i1/json", 200, "{\"Id\":\"sha256:i1\",\"RepoTags\":[]}");
    FakeDaemon.Result r = daemon.run("inspect", "c1", "i1", "zz");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("""
        [
            {
                "Id": "c1",
                "State": {
                    "Running": true,
                    "Pid": 42
                },
                "Config": {
                    "Env": null,
                    "Cmd": [
                        "sh",
                        "-c"
                    ]
                }
            },
            {
                "Id": "sha256:i1",
                "RepoTags": []
            }
        ]
        """);
    assertThat(r.err()).isEqualTo("Error: No such object: zz\n");
  }

  @Test
  void inspect_format_appliesTemplatePerObject() {
    daemon.json("GET /containers/c1/json", 200, "{\"Id\":\"c1\",\"State\":{\"Running\":true,\"Pid\":42},\"Config\":{\"Cmd\":[\"sh\",\"-c\"],\"Labels\":{\"k\":\"v\"}}}");
    FakeDaemon.Result r = daemon.run("container", "inspect", "-f",
        "{{.State.Running}} {{.State.Pid}} {{.Config.Cmd}} {{json .Config.Labels}} {{index .Config.Labels \"k\"}}", "c1");
    assertThat(r.out()).isEqualTo("true 42 [sh -c] {\"k\":\"v\"} v\n");
  }

  @Test
  void logs_multiplexed_splitsStdoutAndStderr() {
    daemon.json("GET /containers/web/json", 200, "{\"Id\":\"" + ID + "\",\"Config\":{\"Tty\":false}}");
    daemon.on("GET /containers/" + ID + "/logs", (req, resp) -> {
      resp.status(200);
      resp.header("Content-Type", "application/vnd.docker.multiplexed-stream");
      try (OutputStream o = resp.body()) {
        o.write(StdCopy.frame(1, "out\n".getBytes(StandardCharsets.UTF_8)));
        o.write(StdCopy.frame(2, "err\n".getBytes(StandardCharsets.UTF_8)));
      }
    });
    FakeDaemon.Result r = daemon.run("logs", "--tail", "5", "web");
    assertThat(r.out()).isEqualTo("out\n");
    assertThat(r.err()).isEqualTo("err\n");
    assertThat(daemon.last("GET", "/containers/" + ID + "/logs").query().get("tail")).containsExactly("5");
  }

  @Test
  void run_interactive_attachesWaitsStartsAndExitsWithStatus() {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch exited = new CountDownLatch(1);
    daemon.json("POST /containers/create", 201, "{\"Id\":\"" + ID + "\",\"Warnings\":[]}");
    daemon.on("POST /containers/" + ID + "/attach", (req, resp) -> {
      resp.header("Content-Type", "application/vnd.docker.multiplexed-stream");
      resp.header("Connection", "Upgrade");
      resp.header("Upgrade", "tcp");
      try (Hijacked h = resp.hijack("HTTP/1.1 101 UPGRADED")) {
        started.await(5, TimeUnit.SECONDS);
        byte[] in = h.in().readAllBytes();
        h.out().write(StdCopy.frame(1, in));
        h.out().write(StdCopy.frame(2, "warn\n".getBytes(StandardCharsets.UTF_8)));
        exited.countDown();
        h.shutdownOutput();
      }
    });
    daemon.on("POST /containers/" + ID + "/wait", (req, resp) -> {
      resp.status(200);
      resp.header("Content-Type", "application/json");
      resp.flush();
      exited.await(5, TimeUnit.SECONDS);
      try (OutputStream o = resp.body()) {
        o.write("{\"StatusCode\":3,\"Error\":null}\n".getBytes(StandardCharsets.UTF_8));
      }
    });
    daemon.on("POST /containers/" + ID + "/start", (req, resp) -> {
      resp.send(204, null, new byte[0]);
      started.countDown();
    });
    FakeDaemon.Result r = daemon.runWithInput("hello\n", "run", "-i", "--rm", "--name", "t", "-e", "A=1", "-e", "FROM_ENV",
        "-l", "k=v", "busybox", "cat", "-n");
    assertThat(r.out()).isEqualTo("hello\n");
    assertThat(r.err()).isEqualTo("warn\n");
    assertThat(r.code()).isEqualTo(3);
    FakeDaemon.Call create = daemon.last("POST", "/containers/create");
    assertThat(create.query().get("name")).containsExactly("t");
    assertThat(create.body()).contains("\"Env\":[\"A=1\",\"FROM_ENV=env-value\"]", "\"Cmd\":[\"cat\",\"-n\"]",
        "\"Image\":\"busybox\"", "\"Labels\":{\"k\":\"v\"}", "\"AutoRemove\":true", "\"OpenStdin\":true",
        "\"AttachStdin\":true", "\"StdinOnce\":true");
    assertThat(daemon.last("POST", "/containers/" + ID + "/wait").query().get("condition")).containsExactly("removed");
    assertThat(daemon.last("POST", "/containers/" + ID + "/attach").query().get("stdin")).containsExactly("1");
  }

  @Test
  void run_detached_printsIdAndStarts() {
    daemon.json("POST /containers/create", 201, "{\"Id\":\"" + ID + "\",\"Warnings\":null}");
    daemon.on("POST /containers/" + ID + "/start", (req, resp) -> resp.send(204, null, new byte[0]));
    FakeDaemon.Result r = daemon.run("run", "-d", "--network", "none", "busybox", "sleep", "9");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(ID + "\n");
    assertThat(daemon.last("POST", "/containers/create").body()).contains("\"AttachStdout\":false",
        "\"NetworkMode\":\"none\"");
  }

  @Test
  void run_missingImageAndPullFails_reportsUnableToFindThenDaemonError() {
    daemon.json("POST /containers/create", 404, "{\"message\":\"No such image: busybox:latest\"}");
    daemon.json("POST /images/create", 404, "{\"message\":\"pull access denied for busybox\"}");
    FakeDaemon.Result r = daemon.run("run", "busybox");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err()).isEqualTo("Unable to find image 'busybox:latest' locally\n"
        + "berth: Error response from daemon: pull access denied for busybox\n\n"
        + "Run 'berth run --help' for more information\n");
    FakeDaemon.Call pull = daemon.last("POST", "/images/create");
    assertThat(pull.query().get("fromImage")).containsExactly("docker.io/library/busybox");
    assertThat(pull.query().get("tag")).containsExactly("latest");
  }

  @Test
  void run_startFailsExecutableNotFound_exits127() {
    daemon.json("POST /containers/create", 201, "{\"Id\":\"" + ID + "\"}");
    daemon.on("POST /containers/" + ID + "/start", (req, resp) -> resp.send(400, "application/json",
        "{\"message\":\"exec: \\\"nope\\\": executable file not found in $PATH\"}".getBytes(StandardCharsets.UTF_8)));
    FakeDaemon.Result r = daemon.run("run", "-d", "busybox", "nope");
    assertThat(r.code()).isEqualTo(127);
    assertThat(r.err()).startsWith("berth: Error response from daemon: exec: \"nope\": executable file not found");
  }

  @Test
  void import_stdin_streamsBodyAndPrintsImageId() {
    daemon.on("POST /images/create", (req, resp) -> resp.send(200, "application/json",
        "{\"status\":\"sha256:feed\"}\r\n".getBytes(StandardCharsets.UTF_8)));
    FakeDaemon.Result r = daemon.runWithInput("TARBYTES", "import", "-c", "CMD sh", "-c", "ENV A=1", "-m", "hi", "-", "img:v1");
    assertThat(r.out()).isEqualTo("sha256:feed\n");
    FakeDaemon.Call c = daemon.last("POST", "/images/create");
    assertThat(c.body()).isEqualTo("TARBYTES");
    assertThat(c.query().get("changes")).containsExactly("CMD sh", "ENV A=1");
    assertThat(c.query().get("repo")).containsExactly("img:v1");
    assertThat(c.query().get("fromSrc")).containsExactly("-");
  }

  @Test
  void bootstrap_errorInStream_printsBareMessage() {
    daemon.on("POST /images/bootstrap", (req, resp) -> resp.send(200, "application/json",
        "{\"status\":\"Fetching\"}\n{\"errorDetail\":{\"message\":\"no network\"},\"error\":\"no network\"}\n"
            .getBytes(StandardCharsets.UTF_8)));
    FakeDaemon.Result r = daemon.run("image", "bootstrap", "busybox");
    assertThat(r.out()).isEqualTo("Fetching\n");
    assertThat(r.err()).isEqualTo("no network\n");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void rmi_untagsAndDeletes_printsDockerLines() {
    daemon.json("DELETE /images/busybox", 200, "[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"sha256:abc\"}]");
    assertThat(daemon.run("rmi", "busybox").out()).isEqualTo("Untagged: busybox:latest\nDeleted: sha256:abc\n");
  }

  @Test
  void tag_sendsNormalizedRepoAndTag() {
    daemon.on("POST /images/busybox/tag", (req, resp) -> resp.send(201, null, new byte[0]));
    assertThat(daemon.run("tag", "busybox", "mine:v2").code()).isZero();
    FakeDaemon.Call c = daemon.last("POST", "/images/busybox/tag");
    assertThat(c.query().get("repo")).isEqualTo(List.of("docker.io/library/mine"));
    assertThat(c.query().get("tag")).isEqualTo(List.of("v2"));
  }

  @Test
  void version_rendersClientAndServerColumns() {
    daemon.json("GET /version", 200, "{\"Platform\":{\"Name\":\"Berth\"},\"Version\":\"0.1.0\",\"ApiVersion\":\"1.51\","
        + "\"MinAPIVersion\":\"1.12\",\"GitCommit\":\"abc\",\"GoVersion\":\"java25\",\"Os\":\"linux\",\"Arch\":\"amd64\"}");
    String out = daemon.run("version").out();
    assertThat(out).contains(" Version:           0.1.0\n", "\nServer: Berth\n Engine:\n  Version:          0.1.0\n",
        "  API version:      1.51 (minimum version 1.12)\n", "  Experimental:     false\n");
    assertThat(daemon.run("version", "--format", "{{.Server.APIVersion}} {{.Client.APIVersion}}").out())
        .isEqualTo("1.51 1.51\n");
  }

  @Test
  void info_serverFields_printInDockersOrder() {
    daemon.json("GET /info", 200, "{\"ID\":\"X1\",\"Containers\":3,\"ContainersRunning\":1,\"ContainersPaused\":0,"
        + "\"ContainersStopped\":2,\"Images\":4,\"Driver\":\"overlayfs\",\"LoggingDriver\":\"json-file\","
        + "\"CgroupDriver\":\"cgroupfs\",\"CgroupVersion\":\"2\",\"KernelVersion\":\"6.1\",\"OperatingSystem\":\"Debian\","
        + "\"OSType\":\"linux\",\"Architecture\":\"x86_64\",\"NCPU\":2,\"MemTotal\":25200000000,\"Name\":\"host\","
        + "\"DockerRootDir\":\"/var/lib/berth\",\"ServerVersion\":\"0.1.0\",\"Warnings\":[\"WARNING: no swap\"]}");
    FakeDaemon.Result r = daemon.run("info");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("""
        Client:
         Version:    0.1.0
         Context:    default
         Debug Mode: false

        Server:
         Containers: 3
          Running: 1
          Paused: 0
          Stopped: 2
         Images: 4
         Server Version: 0.1.0
         Storage Driver: overlayfs
         Logging Driver: json-file
         Cgroup Driver: cgroupfs
         Cgroup Version: 2
        """).contains(" CPUs: 2\n Total Memory: 23.47GiB\n Name: host\n ID: X1\n Docker Root Dir: /var/lib/berth\n");
    assertThat(r.err()).isEqualTo("WARNING: no swap\n");
  }
}
