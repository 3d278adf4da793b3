package io.berth.client.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void nesting_insertsSeparatorsAtEveryDepth() {
    String json = new JsonWriter().beginObject()
        .member("a", "x").member("b", true)
        .name("c").beginArray().value("1").beginObject().endObject().beginArray().endArray().value(7).endArray()
        .name("d").nullValue()
        .name("e").beginObject().name("f").beginObject().endObject().endObject()
        .name("g").array(List.of("p", "q")).name("h").array(null)
        .endObject().toString();
    assertThat(json).isEqualTo("{\"a\":\"x\",\"b\":true,\"c\":[\"1\",{},[],7],\"d\":null,\"e\":{\"f\":{}},"
        + "\"g\":[\"p\",\"q\"],\"h\":null}");
  }

  @Test
  void strings_escapeQuotesBackslashesControlsAndSurrogates() {
    String s = "q\"b\\n\n t\t r\r b\b f\f c\u0001\u001f del\u007f é€ 😀 lone\uD800 /";
    String json = new JsonWriter().value(s).toString();
    assertThat(json).isEqualTo("\"q\\\"b\\\\n\\n t\\t r\\r b\\b f\\f c\\u0001\\u001F del\u007f é€ \\uD83D\\uDE00"
        + " lone\\uD800 /\"");
    assertThat(JsonReader.parse(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(s);
  }

  @Test
  void toBytes_isUtf8() {
    byte[] b = new JsonWriter().beginObject().member("k", "é").endObject().toBytes();
    assertThat(b).isEqualTo("{\"k\":\"é\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(JsonReader.object(b)).isEqualTo(Map.of("k", "é"));
  }
}
