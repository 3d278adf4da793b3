package io.berth.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotModifiedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiServerTest {
  private final TestApi api = new TestApi();

  @ParameterizedTest
  @ValueSource(strings = {"/_ping", "/v1.51/_ping", "/v1.12/_ping", "/v1.44/_ping"})
  void handle_pingWithSupportedOrNoVersion_answersOk(String path) {
    FakeHttpResponse r = api.call(FakeHttpRequest.get(path));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyString()).isEqualTo("OK");
    assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void handle_versionAboveMaximum_is400WithDockerMessage() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.52/containers/json"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText())
        .isEqualTo("client version 1.52 is too new. Maximum supported API version is 1.51");
    assertThat(api.containers.calls).isEmpty();
  }

  @Test
  void handle_versionBelowMinimum_is400TooOld() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.11/_ping"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText())
        .isEqualTo("client version 1.11 is too old. Minimum supported API version is 1.12, "
            + "please upgrade your client to a newer version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/_ping", "/v1.52/_ping", "/nosuch", "/v1.51/containers/x/json"})
  void handle_anyRequest_setsEngineHeaders(String path) {
    FakeHttpResponse r = api.call(FakeHttpRequest.get(path));

    assertThat(r.header("Api-Version")).isEqualTo("1.51");
    assertThat(r.header("Ostype")).isEqualTo("linux");
    assertThat(r.header("Server")).startsWith("Berth/");
  }

  @Test
  void handle_headPing_hasNoBodyButPingHeaders() {
    FakeHttpResponse r = api.call(FakeHttpRequest.of("HEAD", "/v1.51/_ping"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyBytes()).isEmpty();
    assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(r.header("Swarm")).isEqualTo("inactive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nosuch", "/v1.51/nosuch", "/v1.51", "/v1.51/containers/a/b/json"})
  void handle_unknownPath_is404PageNotFound(String path) {
    FakeHttpResponse r = api.call(FakeHttpRequest.get(path));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.bodyString()).isEqualTo("{\"message\":\"page not found\"}");
  }

  @Test
  void handle_knownPathWrongMethod_is404() {
    FakeHttpResponse r = api.call(FakeHttpRequest.of("DELETE", "/_ping"));

    assertThat(r.status()).isEqualTo(404);
  }

  @Test
  void handle_version_encodesBackendRecordWithDockerNames() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.51/version"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("ApiVersion").asText()).isEqualTo("1.51");
    assertThat(r.json().get("MinAPIVersion").asText()).isEqualTo("1.12");
    assertThat(r.bodyString()).endsWith("\n");
  }

  @Test
  void handle_backendNotFound_is404WithItsMessage() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.51/containers/x/json"));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.bodyString()).isEqualTo("{\"message\":\"No such container: x\"}");
  }

  @Test
  void handle_backendConflict_is409() {
    api.containers.failure = new ConflictException("You cannot remove a running container");

    FakeHttpResponse r = api.call(FakeHttpRequest.of("DELETE", "/v1.51/containers/x"));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("message").asText()).isEqualTo("You cannot remove a running container");
  }

  @Test
  void handle_backendInvalidParameter_is400() {
    api.containers.failure = new InvalidParameterException("Invalid signal: FOO");

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/x/kill?signal=FOO"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).isEqualTo("Invalid signal: FOO");
  }

  @Test
  void handle_backendNotModified_is304() {
    api.containers.failure = new NotModifiedException("container already started");

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/x/start"));

    assertThat(r.status()).isEqualTo(304);
  }

  @Test
  void handle_unclassifiedRuntimeException_is500() {
    api.containers.failure = new IllegalStateException("boom");

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/x/start"));

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json().get("message").asText()).isEqualTo("boom");
  }

  @Test
  void handle_exceptionWithoutMessage_usesItsClassName() {
    api.containers.failure = new NullPointerException();

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/containers/x/start"));

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json().get("message").asText()).isEqualTo("NullPointerException");
  }

  @Test
  void handle_start_is204WithoutBody() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/containers/web/start"));

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.bodyBytes()).isEmpty();
    assertThat(api.containers.calls).containsExactly("start web");
  }
}
