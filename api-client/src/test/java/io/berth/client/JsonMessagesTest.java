package io.berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.stream.JsonMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMessagesTest {
  private static ByteArrayInputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_statusLines_deliversEachAndReturnsLast() throws IOException {
    List<String> seen = new ArrayList<>();
    JsonMessage last = JsonMessages.read(in("{\"status\":\"Downloading\"}\r\n{\"status\":\"sha256:abc\"}\n"),
        m -> seen.add(m.status()));
    assertThat(seen).containsExactly("Downloading", "sha256:abc");
    assertThat(last.status()).isEqualTo("sha256:abc");
  }

  @Test
  void read_errorObject_raisesItsMessage() {
    assertThatThrownBy(() -> JsonMessages.read(in("{\"status\":\"x\"}{\"errorDetail\":{\"message\":\"bad tar\"},"
        + "\"error\":\"bad tar\"}"), m -> { })).isInstanceOf(StreamErrorException.class).hasMessage("bad tar");
  }

  @Test
  void read_allFields_mapOntoTheMessage() throws IOException {
    List<JsonMessage> seen = new ArrayList<>();
    JsonMessages.read(in("{\"status\":\"Downloading\",\"id\":\"abc\",\"progressDetail\":{\"current\":5,\"total\":10},"
        + "\"progress\":\"[=>  ]\"}{\"stream\":\"Step 1\\n\"}{\"aux\":{\"ID\":\"sha256:1\"}}"), seen::add);
    assertThat(seen).containsExactly(
        new JsonMessage("Downloading", "abc", null, Map.of("current", 5L, "total", 10L), null, null, null),
        JsonMessage.stream("Step 1\n"),
        new JsonMessage(null, null, null, null, null, null, Map.of("ID", "sha256:1")));
  }

  @Test
  void read_errorWithoutDetail_raisesIt() {
    assertThatThrownBy(() -> JsonMessages.read(in("{\"error\":\"no space\"}"), m -> { }))
        .isInstanceOf(StreamErrorException.class).hasMessage("no space");
  }

  @Test
  void display_nonTerminal_showsIdStatusAndHidesProgressBars() {
    assertThat(JsonMessages.display(new JsonMessage("Pulling fs layer", "abc", null, null, null, null, null)))
        .isEqualTo("abc: Pulling fs layer\n");
    assertThat(JsonMessages.display(new JsonMessage("Downloading", "abc", null, Map.of("current", 5, "total", 10),
        null, null, null))).isNull();
    assertThat(JsonMessages.display(JsonMessage.stream("Step 1\n"))).isEqualTo("Step 1\n");
  }
}
