package io.berth.client.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  private static Object parse(String s) {
    return JsonReader.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_nestedDocument_keepsOrderAndTypes() {
    Map<?, ?> m = (Map<?, ?>) parse(" {\"b\": [1, -2.5, true, null], \"a\": {\"x\": \"y\"}, \"big\": 123456789012345678901} ");
    assertThat(List.copyOf(m.keySet())).isEqualTo(List.of("b", "a", "big"));
    assertThat(m.get("b")).isEqualTo(Arrays.asList(1L, new BigDecimal("-2.5"), true, null));
    assertThat(m.get("a")).isEqualTo(Map.of("x", "y"));
    assertThat(m.get("big").toString()).isEqualTo("123456789012345678901");
  }

  @Test
  void parse_escapes_decode() {
    assertThat(parse("\"a\\\"b\\\\c\\/\\n\\u00e9 é \\ud83d\\uDE00\"")).isEqualTo("a\"b\\c/\né é \uD83D\uDE00");
  }

  @Test
  void parse_blank_isNull() {
    assertThat(parse("")).isNull();
    assertThat(parse(" \n")).isNull();
    assertThat(JsonReader.object(new byte[0])).isEmpty();
    assertThat(JsonReader.object("[1]".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void parse_malformed_failsWithOffset() {
    assertThatThrownBy(() -> parse("{\"a\":}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
    assertThatThrownBy(() -> parse("[1,2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("\"\\u12g4\"")).hasMessageContaining("bad unicode escape");
    assertThatThrownBy(() -> parse("{} x")).hasMessageContaining("unexpected data");
  }
}
