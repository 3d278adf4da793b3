package io.berth.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
  @Test
  void parse_dockersNotation() {
    assertThat(DetachKeys.parse("")).contains(new byte[] {16, 17});
    assertThat(DetachKeys.parse(null)).contains(new byte[] {16, 17});
    assertThat(DetachKeys.parse("ctrl-a,x,ctrl-@,ctrl-_,DEL,ctrl-\\")).contains(new byte[] {1, 'x', 0, 31, 127, 28});
    assertThat(DetachKeys.parse("ctrl-foo")).isEmpty();
    assertThat(DetachKeys.parse("ctrl-A")).isEmpty();
    assertThat(DetachKeys.parse("a,,b")).isEmpty();
  }

  @Test
  void watched_endsAtTheSequence_withoutPassingIt() throws IOException {
    var in = new DetachKeys.Watched(chunks("ab\u0010\u0011cd"), new byte[] {16, 17});
    assertThat(new String(in.readAllBytes())).isEqualTo("ab");
    assertThat(in.escaped()).isTrue();
  }

  @Test
  void watched_partialSequence_heldBackAcrossReads_thenPassedWhenItIsNotTheSequence() throws IOException {
    var in = new DetachKeys.Watched(chunks("a\u0010", "b", "\u0010", "\u0011z"), new byte[] {16, 17});
    assertThat(new String(in.readAllBytes())).isEqualTo("a\u0010b");
    assertThat(in.escaped()).isTrue();
  }

  @Test
  void watched_noKeys_passesEverything() throws IOException {
    var in = new DetachKeys.Watched(chunks("\u0010\u0011"), new byte[0]);
    assertThat(new String(in.readAllBytes())).isEqualTo("\u0010\u0011");
    assertThat(in.escaped()).isFalse();
  }

  @Test
  void watched_mismatchingByte_isNotTakenAsTheStartOfANewSequence_asInDockerd() throws IOException {
    var in = new DetachKeys.Watched(chunks("\u0010\u0010\u0011x"), new byte[] {16, 17});
    assertThat(new String(in.readAllBytes())).isEqualTo("\u0010\u0010\u0011x");
    assertThat(in.escaped()).isFalse();
  }

  /** A stream that hands out one chunk per read, as a socket does. */
  private static InputStream chunks(String... parts) {
    return new InputStream() {
      int i;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (i == parts.length) {
          return -1;
        }
        byte[] p = parts[i++].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(p, 0, b, off, p.length);
        return p.length;
      }
    };
  }
}
