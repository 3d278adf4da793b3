package io.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  private static Object parse(String s) {
    return JsonValues.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_nestedDocument_keepsOrderAndTypes() {
    Object v = parse(" {\"b\": [1, -2.5, true, null], \"a\": {\"x\": \"y\"}, \"big\": 123456789012345678901} ");
    assertThat(v).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(List.copyOf(m.keySet())).isEqualTo(List.of("b", "a", "big"));
    assertThat(m.get("b")).isEqualTo(java.util.Arrays.asList(1L, new BigDecimal("-2.5"), true, null));
    assertThat(JsonValues.string(v, "a", "x")).isEqualTo("y");
    assertThat(m.get("big").toString()).isEqualTo("123456789012345678901");
  }

  @Test
  void parse_escapesAndMultibyte_decode() {
    assertThat(parse("\"a\\\"b\\\\c\\n\\u00e9 é \\ud83d\\ude00\"")).isEqualTo("a\"b\\c\né é \uD83D\uDE00");
  }

  @Test
  void parse_malformed_failsWithOffset() {
    assertThatThrownBy(() -> parse("{\"a\":}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
    assertThatThrownBy(() -> parse("[1,2")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void helpers_missingPaths_giveDefaults() {
    Object v = parse("{\"Config\":{\"Tty\":true}}");
    assertThat(JsonValues.bool(v, "Config", "Tty")).isTrue();
    assertThat(JsonValues.bool(v, "Config", "Nope")).isFalse();
    assertThat(JsonValues.number(v, "Missing")).isZero();
    assertThat(JsonValues.string(v, "Missing", "Deeper")).isEmpty();
  }
}
