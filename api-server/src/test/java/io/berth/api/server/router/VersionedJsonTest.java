package io.berth.api.server.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.AddedIn;
import io.berth.api.model.ApiVersion;
import io.berth.api.model.ForVersion;
import io.berth.api.model.RemovedIn;
import io.berth.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionedJsonTest {
  record Inner(@JsonProperty("A") String a, @AddedIn("1.44") @JsonProperty("New") String added) {
    @RemovedIn("1.44")
    @JsonProperty("Old")
    public String old() {
      return a;
    }
  }

  record Body(@JsonProperty("Items") Map<String, Inner> items, @JsonProperty("N") int n)
      implements ForVersion<Body> {
    @Override
    public Body forVersion(ApiVersion v) {
      return new Body(items, v.lessThan(ApiVersion.V1_44) ? -1 : n);
    }
  }

  private static String json(Object body, String version) {
    return new String(VersionedJson.bytes(body, ApiVersion.of(version)), StandardCharsets.UTF_8);
  }

  private static final Body BODY = new Body(Map.of("x", new Inner("a", "b")), 7);

  @Test
  void gates_applyInsideMapsAndRecords() {
    assertThat(json(BODY, "1.43")).isEqualTo("{\"Items\":{\"x\":{\"A\":\"a\",\"Old\":\"a\"}},\"N\":-1}");
    assertThat(json(BODY, "1.44")).isEqualTo("{\"Items\":{\"x\":{\"A\":\"a\",\"New\":\"b\"}},\"N\":7}");
  }

  @Test
  void listOfBodies_eachShapedForTheVersion() {
    assertThat(json(List.of(BODY, BODY), "1.12")).isEqualTo(
        "[{\"Items\":{\"x\":{\"A\":\"a\",\"Old\":\"a\"}},\"N\":-1},"
            + "{\"Items\":{\"x\":{\"A\":\"a\",\"Old\":\"a\"}},\"N\":-1}]");
  }

  @Test
  void plainEncoding_showsEveryField() {
    assertThat(Json.string(BODY))
        .isEqualTo("{\"Items\":{\"x\":{\"A\":\"a\",\"New\":\"b\",\"Old\":\"a\"}},\"N\":7}");
  }

  @Test
  void sameTypeAcrossVersions_isNotCachedForOneVersion() {
    assertThat(json(BODY, "1.51")).contains("\"New\"");
    assertThat(json(BODY, "1.32")).doesNotContain("\"New\"");
    assertThat(json(BODY, "1.51")).contains("\"New\"");
  }
}
