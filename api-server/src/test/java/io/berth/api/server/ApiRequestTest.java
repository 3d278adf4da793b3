package io.berth.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.ApiVersion;
import io.berth.common.error.InvalidParameterException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

  private static ApiRequest request(String target) {
    return new ApiRequest(FakeHttpRequest.get(target), new FakeHttpResponse(), ApiVersion.MAX, Map.of());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "True", "TRUE", "yes", "anything"})
  void bool_dockerTrueValue_isTrue(String value) {
    assertThat(request("/x?all=" + enc(value)).bool("all")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "false", "False", "no", "NO", "none", "", " 0 ", " false"})
  void bool_dockerFalseValue_isFalse(String value) {
    assertThat(request("/x?all=" + enc(value)).bool("all")).isFalse();
  }

  @Test
  void bool_absent_isFalse() {
    assertThat(request("/x").bool("all")).isFalse();
  }

  @Test
  void bool_repeatedKey_usesFirstValue() {
    assertThat(request("/x?all=0&all=1").bool("all")).isFalse();
  }

  @Test
  void integer_emptyOrAbsent_isEmpty() {
    assertThat(request("/x?t=").integer("t")).isEmpty();
    assertThat(request("/x").integer("t")).isEmpty();
  }

  @Test
  void integer_notANumber_reportsGoStyleMessage() {
    assertThatThrownBy(() -> request("/x?t=ten").integer("t"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("invalid value for t: strconv.Atoi: parsing \"ten\": invalid syntax");
  }

  @Test
  void filters_currentForm_isParsed() {
    var f = request("/x?filters=" + enc("{\"status\":[\"running\",\"exited\"]}")).filters();

    assertThat(f.get("status")).containsExactly("running", "exited");
  }

  @Test
  void filters_legacyForm_keepsOnlyTrueValues() {
    var f = request("/x?filters=" + enc("{\"status\":{\"running\":true,\"exited\":false}}")).filters();

    assertThat(f.get("status")).containsExactly("running");
  }

  @Test
  void filters_malformed_isInvalidParameter() {
    assertThatThrownBy(() -> request("/x?filters=" + enc("{nope")).filters())
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("invalid filter");
  }

  @Test
  void queryAll_repeatedKey_keepsOrder() {
    assertThat(request("/x?changes=a&changes=b").queryAll("changes")).isEqualTo(List.of("a", "b"));
  }

  @Test
  void json_emptyBody_isNull() throws Exception {
    var r = new ApiRequest(FakeHttpRequest.post("/x"), new FakeHttpResponse(), ApiVersion.MAX, Map.of());

    assertThat(r.json(com.fasterxml.jackson.databind.JsonNode.class)).isNull();
  }
}
