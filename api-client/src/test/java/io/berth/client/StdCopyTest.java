package io.berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdCopyTest {
  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void demux_interleavedFrames_routesByStreamType() throws IOException {
    byte[] in = concat(StdCopy.frame(1, utf8("out1 ")), StdCopy.frame(2, utf8("err")), StdCopy.frame(0, utf8("in?")),
        StdCopy.frame(1, utf8("out2")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long n = StdCopy.demux(new ByteArrayInputStream(in), out, err);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out1 in?out2");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err");
    assertThat(n).isEqualTo(15);
  }

  @Test
  void demux_largeFrame_isCopiedWhole() throws IOException {
    byte[] big = new byte[200_000];
    java.util.Arrays.fill(big, (byte) 'x');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdCopy.demux(new ByteArrayInputStream(StdCopy.frame(1, big)), out, new ByteArrayOutputStream());
    assertThat(out.size()).isEqualTo(200_000);
  }

  @Test
  void demux_systemErrorFrame_raisesDaemonMessage() {
    byte[] in = concat(StdCopy.frame(1, utf8("ok")), StdCopy.frame(3, utf8("boom")));
    assertThatThrownBy(() -> StdCopy.demux(new ByteArrayInputStream(in), new ByteArrayOutputStream(),
        new ByteArrayOutputStream())).isInstanceOf(StreamErrorException.class).hasMessage("error from daemon in stream: boom");
  }

  @Test
  void demux_truncatedHeader_endsQuietly() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdCopy.demux(new ByteArrayInputStream(new byte[] {1, 0, 0}), out, out);
    assertThat(out.size()).isZero();
  }

  @Test
  void demux_unknownStreamType_fails() {
    assertThatThrownBy(() -> StdCopy.demux(new ByteArrayInputStream(StdCopy.frame(7, utf8("x"))),
        new ByteArrayOutputStream(), new ByteArrayOutputStream())).hasMessage("Unrecognized input header: 7");
  }
}
