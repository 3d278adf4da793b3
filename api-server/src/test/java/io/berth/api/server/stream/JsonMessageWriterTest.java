package io.berth.api.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.stream.JsonMessage;
import io.berth.api.server.FakeHttpResponse;
import org.junit.jupiter.api.Test;

class JsonMessageWriterTest {

  @Test
  void write_firstMessage_commitsStatusAndContentType() {
    var resp = new FakeHttpResponse();
    var w = new JsonMessageWriter(resp);
    assertThat(w.started()).isFalse();

    w.status("abc", "Downloading");

    assertThat(w.started()).isTrue();
    assertThat(resp.status()).isEqualTo(200);
    assertThat(resp.header("Content-Type")).isEqualTo("application/json");
    assertThat(resp.bodyString()).isEqualTo("{\"id\":\"abc\",\"status\":\"Downloading\"}\r\n");
  }

  @Test
  void close_beforeAnyMessage_leavesResponseUncommitted() throws Exception {
    var resp = new FakeHttpResponse();

    new JsonMessageWriter(resp).close();

    assertThat(resp.committed()).isFalse();
  }

  @Test
  void write_error_hasErrorAndErrorDetail() {
    var resp = new FakeHttpResponse();

    new JsonMessageWriter(resp).write(JsonMessage.error("boom"));

    assertThat(resp.json().get("error").asText()).isEqualTo("boom");
    assertThat(resp.json().get("errorDetail").get("message").asText()).isEqualTo("boom");
  }
}
