package io.berth.api.server.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.server.ApiServer;
import io.berth.api.server.FakeHttpRequest;
import io.berth.api.server.FakeHttpResponse;
import io.berth.api.server.backend.RegistryAuth;
import io.berth.api.server.backend.RegistryBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryRouterTest {
  int lastLimit;
  final ApiServer server = new ApiServer("test", List.of(new RegistryRouter(new RegistryBackend() {
    @Override
    public LoginResult login(RegistryAuth auth) {
      return new LoginResult("Login Succeeded", "");
    }

    @Override
    public List<SearchResult> search(String term, int limit, RegistryAuth auth) {
      lastLimit = limit;
      return List.of(new SearchResult("busybox", "tiny", 3000, true, true),
          new SearchResult("someone/busybox", "copy", 2, false, false));
    }
  })));

  FakeHttpResponse call(String target) throws Exception {
    FakeHttpResponse r = new FakeHttpResponse();
    server.handle(FakeHttpRequest.get(target), r);
    return r;
  }

  @Test
  void search_defaultLimit_andDockersFields() throws Exception {
    FakeHttpResponse r = call("/v1.50/images/search?term=busybox");
    assertThat(r.status()).isEqualTo(200);
    assertThat(lastLimit).isEqualTo(25);
    var first = r.json().get(0);
    assertThat(first.get("star_count").asLong()).isEqualTo(3000);
    assertThat(first.get("is_official").asBoolean()).isTrue();
    assertThat(first.get("name").asText()).isEqualTo("busybox");
    assertThat(first.get("is_automated").asBoolean()).isFalse();
    assertThat(first.get("description").asText()).isEqualTo("tiny");
  }

  @Test
  void search_filters() throws Exception {
    assertThat(call("/v1.50/images/search?term=b&filters=%7B%22stars%22%3A%5B%2210%22%5D%7D").bodyString())
        .contains("\"busybox\"").doesNotContain("someone");
    assertThat(call("/v1.50/images/search?term=b&filters=%7B%22is-official%22%3A%5B%22false%22%5D%7D").bodyString())
        .contains("someone").doesNotContain("\"busybox\"");
    assertThat(call("/v1.50/images/search?term=b&filters=%7B%22is-automated%22%3A%5B%22true%22%5D%7D").bodyString())
        .isEqualTo("[]\n");
    assertThat(call("/v1.50/images/search?term=b&filters=%7B%22nope%22%3A%5B%22x%22%5D%7D").status()).isEqualTo(400);
  }

  @Test
  void search_badInput_inDockersWords() throws Exception {
    assertThat(call("/v1.50/images/search?term=b&limit=x").json().get("message").asText())
        .isEqualTo("invalid limit specified: strconv.Atoi: parsing \"x\": invalid syntax");
    assertThat(call("/v1.50/images/search?term=b&limit=101").json().get("message").asText())
        .isEqualTo("limit 101 is outside the range of [1, 100]");
    assertThat(call("/v1.50/images/search?term=http://x/y").json().get("message").asText())
        .isEqualTo("invalid repository name: repository name (http://x/y) should not have a scheme");
  }
}
