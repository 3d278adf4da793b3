package io.berth.api.server.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.container.WaitResponse;
import io.berth.api.server.FakeHttpRequest;
import io.berth.api.server.FakeHttpResponse;
import io.berth.api.server.TestApi;
import io.berth.api.server.backend.ContainerBackend;
import io.berth.api.server.backend.OutputSink;
import io.berth.api.server.backend.StdStreams;
import io.berth.api.server.backend.WaitCondition;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerRouterTest {
  private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  private static final String RAW = "application/vnd.docker.raw-stream";

  private final TestApi api = new TestApi();

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes one line to stdout and one to stderr. */
  private static ContainerBackend.Streamer twoLines(boolean tty) {
    return new ContainerBackend.Streamer() {
      @Override
      public boolean tty() {
        return tty;
      }

      @Override
      public void copyTo(OutputSink sink, boolean timestamps) throws IOException {
        sink.write(OutputSink.Stream.STDOUT, bytes("out\n"), 0, 4);
        sink.write(OutputSink.Stream.STDERR, bytes("err\n"), 0, 4);
      }
    };
  }

  private static byte[] frame(int type, String payload) {
    byte[] p = bytes(payload);
    byte[] f = new byte[8 + p.length];
    f[0] = (byte) type;
    f[7] = (byte) p.length;
    System.arraycopy(p, 0, f, 8, p.length);
    return f;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // ---- list ----

  @Test
  void commit_pausesByDefault_andAnswers201WithTheId() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.50/commit?container=web&repo=x&tag=1&changes=ENV+A%3Db"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("Id").asText()).startsWith("sha256:");
    assertThat(api.containers.lastCommit.pause()).isTrue();
    assertThat(api.containers.lastCommit.changes()).containsExactly("ENV A=b");
    api.call(FakeHttpRequest.post("/v1.50/commit?container=web&pause=0"));
    assertThat(api.containers.lastCommit.pause()).isFalse();
  }

  @Test
  void containerList_filtersInCurrentForm_reachBackend() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get(
        "/v1.51/containers/json?all=1&limit=3&filters=" + enc("{\"status\":[\"running\"]}")));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyString()).isEqualTo("[]\n");
    var o = api.containers.listOptions;
    assertThat(o.all()).isTrue();
    assertThat(o.limit()).isEqualTo(3);
    assertThat(o.filters().get("status")).containsExactly("running");
  }

  @Test
  void containerList_filtersInLegacyForm_reachBackend() {
    api.call(FakeHttpRequest.get(
        "/v1.24/containers/json?filters=" + enc("{\"status\":{\"running\":true}}")));

    assertThat(api.containers.listOptions.filters().get("status")).containsExactly("running");
    assertThat(api.containers.listOptions.all()).isFalse();
    assertThat(api.containers.listOptions.limit()).isEqualTo(-1);
  }

  // ---- create ----

  @Test
  void containerCreate_validBody_passesConfigAndHostConfig() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/create?name=web")
        .body("{\"Image\":\"busybox\",\"Cmd\":[\"echo\",\"hi\"],\"Tty\":true,"
            + "\"HostConfig\":{\"NetworkMode\":\"host\",\"Privileged\":true}}"));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("Id").asText()).isEqualTo("c0ffee");
    assertThat(api.containers.createdName).isEqualTo("web");
    assertThat(api.containers.createdConfig.image()).isEqualTo("busybox");
    assertThat(api.containers.createdConfig.cmd()).containsExactly("echo", "hi");
    assertThat(api.containers.createdConfig.tty()).isTrue();
    assertThat(api.containers.createdHost.networkMode()).isEqualTo("host");
    assertThat(api.containers.createdHost.privileged()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded"})
  void containerCreate_notJsonContentType_is400InDockersWords(String type) {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/create")
        .header("Content-Type", type).body("{\"Image\":\"busybox\"}"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText())
        .isEqualTo("unsupported Content-Type header (" + type + "): must be 'application/json'");
  }

  @Test
  void containerCreate_jsonWithCharset_isAccepted() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/create")
        .header("Content-Type", "application/json; charset=utf-8").body("{\"Image\":\"busybox\"}"));

    assertThat(r.status()).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h=abc&w=80", "w=80"})
  void containerResize_badSize_is400WithAtoiWords(String query) {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/web/resize?" + query));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).startsWith("strconv.Atoi: parsing ");
    assertThat(api.containers.calls).isEmpty();
  }

  @Test
  void containerCreate_noHostConfig_usesEmptyHostConfig() {
    api.call(FakeHttpRequest.post("/containers/create").body("{\"Image\":\"busybox\"}"));

    assertThat(api.containers.createdHost).isNotNull();
    assertThat(api.containers.createdName).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"Image\":", "not json", "{\"Tty\":{\"a\":1}}", "[1,2]", "\"x\""})
  void containerCreate_malformedJson_is400(String body) {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/create").body(body));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).isNotEmpty();
    assertThat(api.containers.calls).isEmpty();
  }

  @Test
  void containerCreate_emptyBody_is400ConfigCannotBeEmpty() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/create"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText())
        .isEqualTo("config cannot be empty in order to create a container");
  }

  // ---- stop, kill, delete ----

  @Test
  void containerStop_signalAndTimeout_reachBackendFromApi142() {
    api.call(FakeHttpRequest.post("/v1.42/containers/web/stop?signal=SIGINT&t=5"));

    assertThat(api.containers.stopOptions.signal()).contains("SIGINT");
    assertThat(api.containers.stopOptions.timeoutSeconds()).hasValue(5);
  }

  @Test
  void containerStop_signalBeforeApi142_isIgnored() {
    api.call(FakeHttpRequest.post("/v1.41/containers/web/stop?signal=SIGINT"));

    assertThat(api.containers.stopOptions.signal()).isEmpty();
  }

  @Test
  void containerDelete_flags_areParsedAsBoolValues() {
    FakeHttpResponse r = api.call(FakeHttpRequest.of("DELETE", "/containers/web?force=True&v=0"));

    assertThat(r.status()).isEqualTo(204);
    assertThat(api.containers.calls).containsExactly("remove web force=true volumes=false");
  }

  // ---- wait ----

  @Test
  void containerWait_headersFlushedBeforeBackendAnswers() {
    FakeHttpResponse resp = new FakeHttpResponse();
    AtomicBoolean committedWhileWaiting = new AtomicBoolean();
    api.containers.waiter = () -> {
      committedWhileWaiting.set(resp.committed());
      return new WaitResponse(3, null);
    };

    api.call(FakeHttpRequest.post("/v1.51/containers/web/wait?condition=removed"), resp);

    assertThat(committedWhileWaiting).isTrue();
    assertThat(resp.events).containsExactly("headers", "body", "body", "close");
    assertThat(resp.status()).isEqualTo(200);
    assertThat(resp.header("Content-Type")).isEqualTo("application/json");
    assertThat(api.containers.waitCondition).isEqualTo(WaitCondition.REMOVED);
  }

  @Test
  void containerWait_body_hasStatusCodeAndNoError() {
    api.containers.waiter = () -> new WaitResponse(137, null);

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/web/wait"));

    JsonNode body = r.json();
    assertThat(body.get("StatusCode").asLong()).isEqualTo(137);
    assertThat(body.has("Error")).isFalse();
    assertThat(body.size()).isEqualTo(1);
    assertThat(r.bodyString()).endsWith("\n");
  }

  @Test
  void containerWait_conditionBeforeApi130_isNotRunning() {
    api.call(FakeHttpRequest.post("/v1.29/containers/web/wait?condition=removed"));

    assertThat(api.containers.waitCondition).isEqualTo(WaitCondition.NOT_RUNNING);
  }

  @Test
  void containerWait_unknownCondition_is400BeforeAnyHeaders() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/web/wait?condition=soon"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).isEqualTo("invalid condition: \"soon\"");
  }

  // ---- logs ----

  @Test
  void containerLogs_noStream_is400() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.51/containers/web/logs"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText())
        .isEqualTo("Bad parameters: you must choose at least one stream");
    assertThat(api.containers.calls).isEmpty();
  }

  @Test
  void containerLogs_nonTtyFromApi142_isMultiplexedAndFramed() {
    api.containers.streamer = twoLines(false);

    FakeHttpResponse r = api.call(
        FakeHttpRequest.get("/v1.42/containers/web/logs?stdout=1&stderr=1"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo(MULTIPLEXED);
    assertThat(r.bodyBytes()).isEqualTo(concat(frame(1, "out\n"), frame(2, "err\n")));
    assertThat(r.finished()).isTrue();
  }

  @Test
  void containerLogs_nonTtyBeforeApi142_isRawStreamTypeButStillFramed() {
    api.containers.streamer = twoLines(false);

    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.41/containers/web/logs?stdout=1&stderr=1"));

    assertThat(r.header("Content-Type")).isEqualTo(RAW);
    assertThat(r.bodyBytes()).isEqualTo(concat(frame(1, "out\n"), frame(2, "err\n")));
  }

  @Test
  void containerLogs_tty_isRawAndUnframed() {
    api.containers.streamer = twoLines(true);

    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.51/containers/web/logs?stdout=1"));

    assertThat(r.header("Content-Type")).isEqualTo(RAW);
    assertThat(r.bodyString()).isEqualTo("out\nerr\n");
  }

  @Test
  void containerLogs_options_areParsed() {
    api.containers.streamer = twoLines(false);

    api.call(FakeHttpRequest.get("/v1.51/containers/web/logs?stderr=1&follow=1&timestamps=true"
        + "&tail=10&since=1700000000.5&until=" + enc("2026-11-23T21:47:34Z")));

    var o = api.containers.logsOptions;
    assertThat(o.stdout()).isFalse();
    assertThat(o.stderr()).isTrue();
    assertThat(o.follow()).isTrue();
    assertThat(o.timestamps()).isTrue();
    assertThat(o.tail()).hasValue(10);
    assertThat(o.since()).contains(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
    assertThat(o.until()).contains(Instant.parse("2026-11-23T21:47:34Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"all", ""})
  void containerLogs_tailAllOrEmpty_meansEverything(String tail) {
    api.containers.streamer = twoLines(false);

    api.call(FakeHttpRequest.get("/v1.51/containers/web/logs?stdout=1&tail=" + tail));

    assertThat(api.containers.logsOptions.tail()).isEmpty();
  }

  // ---- attach ----

  /** Echoes stdin to stdout, or writes "no stdin" to stderr. */
  private static ContainerBackend.Attacher echo(boolean tty) {
    return new ContainerBackend.Attacher() {
      @Override
      public boolean tty() {
        return tty;
      }

      @Override
      public void run(StdStreams s) throws IOException {
        if (s.stdin() == null) {
          s.output().write(OutputSink.Stream.STDERR, bytes("no stdin"), 0, 8);
          return;
        }
        byte[] in = s.stdin().readAllBytes();
        s.output().write(OutputSink.Stream.STDOUT, in, 0, in.length);
      }
    };
  }

  @Test
  void containerAttach_upgradeRequested_answers101WithUpgradeHeaders() {
    api.containers.attacher = echo(false);
    FakeHttpResponse resp = new FakeHttpResponse(bytes("ping"));

    api.call(FakeHttpRequest.post("/v1.51/containers/web/attach?stream=1&stdin=1&stdout=1")
        .header("Upgrade", "tcp").header("Connection", "Upgrade"), resp);

    assertThat(resp.statusLine()).isEqualTo("HTTP/1.1 101 UPGRADED");
    assertThat(resp.header("Upgrade")).isEqualTo("tcp");
    assertThat(resp.header("Connection")).isEqualTo("Upgrade");
    assertThat(resp.header("Content-Type")).isEqualTo(MULTIPLEXED);
    assertThat(resp.hijacked().written()).isEqualTo(frame(1, "ping"));
    assertThat(resp.hijacked().outputShut()).isTrue();
    assertThat(resp.hijacked().closed()).isTrue();
    var o = api.containers.attachOptions;
    assertThat(o.stream()).isTrue();
    assertThat(o.stdin()).isTrue();
    assertThat(o.stdout()).isTrue();
    assertThat(o.stderr()).isFalse();
    assertThat(o.logs()).isFalse();
  }

  @Test
  void containerAttach_noUpgrade_answers200WithoutUpgradeHeaders() {
    api.containers.attacher = echo(true);
    FakeHttpResponse resp = new FakeHttpResponse(bytes("typed"));

    api.call(FakeHttpRequest.post("/v1.51/containers/web/attach?stream=1&stdin=1&stdout=1"), resp);

    assertThat(resp.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(resp.header("Upgrade")).isNull();
    assertThat(resp.header("Connection")).isNull();
    assertThat(resp.header("Content-Type")).isEqualTo(RAW);
    assertThat(resp.hijacked().written()).isEqualTo(bytes("typed"));
  }

  @Test
  void containerAttach_withoutStdin_givesAttacherNoInput() {
    api.containers.attacher = echo(false);
    FakeHttpResponse resp = new FakeHttpResponse(bytes("ignored"));

    api.call(FakeHttpRequest.post("/v1.51/containers/web/attach?stream=1&stderr=1"), resp);

    assertThat(resp.hijacked().written()).isEqualTo(frame(2, "no stdin"));
  }

  @Test
  void containerAttach_backendFailsBeforeHijack_isPlainHttpError() {
    api.containers.failure = new io.berth.common.error.NotFoundException("No such container: x");

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/x/attach?stream=1")
        .header("Upgrade", "tcp"));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.hijacked()).isNull();
    assertThat(r.bodyString()).isEqualTo("{\"message\":\"No such container: x\"}");
  }

  // ---- time ----

  @Test
  void time_rfc3339_isParsed() {
    assertThat(ContainerRouter.time("2026-11-23T21:47:34.034605497Z"))
        .contains(Instant.parse("2026-11-23T21:47:34.034605497Z"));
    assertThat(ContainerRouter.time("2026-11-23T22:47:34+01:00"))
        .contains(Instant.parse("2026-11-23T21:47:34Z"));
  }

  @Test
  void time_unixSeconds_isParsed() {
    assertThat(ContainerRouter.time("1700000000")).contains(Instant.ofEpochSecond(1_700_000_000L));
  }

  @Test
  void time_unixSecondsWithFraction_keepsNanoseconds() {
    assertThat(ContainerRouter.time("1700000000.000000001"))
        .contains(Instant.ofEpochSecond(1_700_000_000L, 1));
    assertThat(ContainerRouter.time("1700000000.25"))
        .contains(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0"})
  void time_emptyOrZero_isAbsent(String s) {
    assertThat(ContainerRouter.time(s)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "-5", "1.", "2026-13-01T00:00:00Z"})
  void time_malformed_isInvalidParameter(String s) {
    assertThatThrownBy(() -> ContainerRouter.time(s))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("invalid time value: " + s);
  }

  @Test
  void containerLogs_badSince_is400() {
    api.containers.streamer = twoLines(false);

    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.51/containers/web/logs?stdout=1&since=soon"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(Json.tree(r.bodyBytes()).get("message").asText()).isEqualTo("invalid time value: soon");
  }
}
