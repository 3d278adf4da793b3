package io.berth.api.server.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.server.FakeHttpRequest;
import io.berth.api.server.FakeHttpResponse;
import io.berth.api.server.TestApi;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRouterTest {
  private static final String ID = "sha256:" + "c".repeat(64);
  private final TestApi api = new TestApi();

  private static List<JsonNode> lines(FakeHttpResponse r) {
    return Arrays.stream(r.bodyString().split("\r\n"))
        .filter(l -> !l.isEmpty())
        .map(l -> Json.tree(l.getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  @Test
  void imageHistory_listsStepsWithDockersFields() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.50/images/busybox/history"));

    assertThat(r.status()).isEqualTo(200);
    JsonNode first = Json.tree(r.bodyString().getBytes(StandardCharsets.UTF_8)).get(0);
    assertThat(first.get("Id").asText()).startsWith("sha256:");
    assertThat(first.get("Tags").get(0).asText()).isEqualTo("busybox");
    assertThat(first.has("CreatedBy")).isTrue();
    assertThat(first.get("Size").asLong()).isEqualTo(5);
  }

  @Test
  void imageHistory_platformFrom148_isRefused() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get(
        "/v1.48/images/busybox/history?platform=%7B%22os%22%3A%22linux%22%7D"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyString()).contains("platform");
  }

  @Test
  void imageCreate_fromSrcStdin_streamsProgressEndingWithImageId() {
    api.images.importer = (tar, progress) -> {
      progress.status(null, "Loading layer");
      return ID;
    };

    FakeHttpResponse r = api.call(FakeHttpRequest
        .post("/v1.51/images/create?fromSrc=-&repo=mine&tag=v1&message=hi&changes="
            + URLEncoder.encode("CMD [\"sh\"]", StandardCharsets.UTF_8) + "&changes=ENV%20A%3Db")
        .body("tar bytes"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    List<JsonNode> lines = lines(r);
    assertThat(lines).hasSize(2);
    assertThat(lines.getFirst().get("status").asText()).isEqualTo("Loading layer");
    assertThat(lines.getLast().get("status").asText()).isEqualTo(ID);
    assertThat(r.finished()).isTrue();
    assertThat(new String(api.images.importedBytes, StandardCharsets.UTF_8)).isEqualTo("tar bytes");
    var o = api.images.importOptions;
    assertThat(o.repo()).isEqualTo("mine");
    assertThat(o.tag()).isEqualTo("v1");
    assertThat(o.message()).isEqualTo("hi");
    assertThat(o.changes()).containsExactly("CMD [\"sh\"]", "ENV A=b");
  }

  @Test
  void imageCreate_errorBeforeProgress_isRealHttpError() {
    api.images.importer = (tar, progress) -> {
      throw new InvalidParameterException("invalid tar header");
    };

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/images/create?fromSrc=-").body("x"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyString()).isEqualTo("{\"message\":\"invalid tar header\"}");
  }

  @Test
  void imageCreate_errorAfterProgress_goesInBand() {
    api.images.importer = (tar, progress) -> {
      progress.status(null, "Loading layer");
      throw new IllegalStateException("disk full");
    };

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/images/create?fromSrc=-").body("x"));

    assertThat(r.status()).isEqualTo(200);
    List<JsonNode> lines = lines(r);
    assertThat(lines).hasSize(2);
    JsonNode last = lines.getLast();
    assertThat(last.get("error").asText()).isEqualTo("disk full");
    assertThat(last.get("errorDetail").get("message").asText()).isEqualTo("disk full");
    assertThat(r.finished()).isTrue();
  }

  @Test
  void imageCreate_fromUrl_is400() {
    FakeHttpResponse r = api.call(
        FakeHttpRequest.post("/v1.51/images/create?fromSrc=" + URLEncoder.encode("http://x/a.tar", StandardCharsets.UTF_8)));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText())
        .isEqualTo("importing from a URL is not supported: http://x/a.tar");
  }

  @Test
  void imageCreate_neitherImageNorSource_is400() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/images/create"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).isEqualTo("fromImage or fromSrc is required");
  }

  @Test
  void imageCreate_passesTheRegistryAuthHeader_andIgnoresABadOne() {
    String auth = java.util.Base64.getUrlEncoder().encodeToString(
        "{\"username\":\"u\",\"password\":\"p\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    api.call(FakeHttpRequest.post("/v1.41/images/create?fromImage=busybox&tag=1").header("X-Registry-Auth", auth));
    assertThat(api.images.lastPullAuth.username()).isEqualTo("u");
    api.call(FakeHttpRequest.post("/v1.41/images/create?fromImage=busybox&tag=1").header("X-Registry-Auth", "%%%"));
    assertThat(api.images.lastPullAuth.username()).isEmpty();
  }

  @Test
  void imageCreate_pullFailingBeforeAnyProgress_isAnHttpError() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/images/create?fromImage=busybox&tag=latest"));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("message").asText()).startsWith("pull access denied for busybox");
  }

  @Test
  void imageInspect_nameWithSlashesAndTag_reachesBackendWhole() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.51/images/example.com/a/b:1/json"));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("message").asText()).isEqualTo("No such image: example.com/a/b:1");
  }

  @Test
  void imageBootstrap_streamsStatusThenId() {
    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.51/images/bootstrap?name=busybox"));

    List<JsonNode> lines = lines(r);
    assertThat(lines).extracting(n -> n.get("status").asText())
        .containsExactly("bootstrapping busybox", "sha256:" + "b".repeat(64));
  }

  @Test
  void imageSave_failingPartWay_leavesTheBodyUnended_soTheClientSeesABrokenTransfer() {
    FakeHttpResponse response = new FakeHttpResponse();
    try {
      api.call(FakeHttpRequest.get("/v1.50/images/get?names=broken"), response);
    } catch (RuntimeException | AssertionError e) {
      // the failure reaches the HTTP layer, which then drops the connection
    }
    assertThat(response.events).contains("body").doesNotContain("close");
    assertThat(response.bodyString()).isEqualTo("broken");
  }
}
