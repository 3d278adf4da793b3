package io.berth.client.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSequenceTest {
  /** Hands out one byte per read, as a slow daemon might. */
  private static InputStream trickle(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      int i;

      @Override
      public int read() {
        return i < b.length ? b[i++] & 0xff : -1;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        if (i >= b.length) {
          return -1;
        }
        buf[off] = b[i++];
        return 1;
      }
    };
  }

  private static List<Object> all(InputStream in) throws IOException {
    JsonSequence s = new JsonSequence(in);
    List<Object> out = new ArrayList<>();
    for (Object v = s.next(); v != JsonSequence.END; v = s.next()) {
      out.add(v);
    }
    return out;
  }

  @Test
  void next_concatenatedValues_splitWhereEachEnds() throws IOException {
    String text = " {\"a\":\"}{\\\"\"}\r\n{\"b\":[1,{\"c\":\"]\"}]}[2]{}\n";
    List<Object> expected = List.of(Map.of("a", "}{\""), Map.of("b", List.of(1L, Map.of("c", "]"))), List.of(2L), Map.of());
    assertThat(all(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected);
    assertThat(all(trickle(text))).isEqualTo(expected);
  }

  @Test
  void next_emptyStream_isEnd() throws IOException {
    assertThat(all(new ByteArrayInputStream(" \n".getBytes(StandardCharsets.UTF_8)))).isEmpty();
  }

  @Test
  void next_cutOffOrScalar_fails() {
    assertThatThrownBy(() -> all(trickle("{\"a\":1}{\"b\":"))).isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> all(trickle("{} 42"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid character '4'");
  }
}
