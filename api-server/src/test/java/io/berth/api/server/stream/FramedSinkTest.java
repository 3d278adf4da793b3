package io.berth.api.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.server.backend.OutputSink.Stream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FramedSinkTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void write_stdoutMultiplexed_hasTypeOneHeaderAndBigEndianLength() throws Exception {
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);

    new FramedSink(out, true).write(Stream.STDOUT, data, 0, data.length);

    assertThat(out.toByteArray())
        .containsExactly(1, 0, 0, 0, 0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o');
  }

  @Test
  void write_stderrMultiplexed_hasTypeTwo() throws Exception {
    new FramedSink(out, true).write(Stream.STDERR, new byte[] {'x', 'y', 'z'}, 1, 2);

    assertThat(out.toByteArray()).containsExactly(2, 0, 0, 0, 0, 0, 0, 2, 'y', 'z');
  }

  @Test
  void write_lengthAbove255_usesAllFourLengthBytes() throws Exception {
    byte[] data = new byte[0x1234];

    new FramedSink(out, true).write(Stream.STDOUT, data, 0, data.length);

    byte[] b = out.toByteArray();
    assertThat(Arrays.copyOf(b, 8)).containsExactly(1, 0, 0, 0, 0, 0, 0x12, 0x34);
    assertThat(b).hasSize(8 + 0x1234);
  }

  @Test
  void write_moreThan32KiB_isSplitIntoFramesOfAtMost32KiB() throws Exception {
    int total = 32 * 1024 * 2 + 100;
    byte[] data = new byte[total];
    for (int i = 0; i < total; i++) {
      data[i] = (byte) i;
    }

    new FramedSink(out, true).write(Stream.STDERR, data, 0, total);

    ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    int frames = 0;
    int[] sizes = new int[3];
    while (b.hasRemaining()) {
      assertThat(b.get()).isEqualTo((byte) 2);
      assertThat(new byte[] {b.get(), b.get(), b.get()}).containsExactly(0, 0, 0);
      int len = b.getInt();
      sizes[frames++] = len;
      byte[] p = new byte[len];
      b.get(p);
      payload.writeBytes(p);
    }
    assertThat(frames).isEqualTo(3);
    assertThat(sizes).containsExactly(32768, 32768, 100);
    assertThat(payload.toByteArray()).isEqualTo(data);
  }

  @Test
  void write_emptyMultiplexed_writesNoFrame() throws Exception {
    new FramedSink(out, true).write(Stream.STDOUT, new byte[0], 0, 0);

    assertThat(out.toByteArray()).isEmpty();
  }

  @Test
  void write_notMultiplexed_writesRawBytesForBothStreams() throws Exception {
    var sink = new FramedSink(out, false);
    byte[] big = new byte[40 * 1024];
    Arrays.fill(big, (byte) 'a');

    sink.write(Stream.STDOUT, "out".getBytes(StandardCharsets.UTF_8), 0, 3);
    sink.write(Stream.STDERR, "err".getBytes(StandardCharsets.UTF_8), 0, 3);
    sink.write(Stream.STDOUT, big, 0, big.length);

    byte[] b = out.toByteArray();
    assertThat(new String(b, 0, 6, StandardCharsets.UTF_8)).isEqualTo("outerr");
    assertThat(b).hasSize(6 + big.length);
  }

  @Test
  void write_notFlushingEach_holdsFramesUntilFlush() throws Exception {
    FramedSink sink = new FramedSink(out, true, false);
    sink.write(Stream.STDOUT, new byte[] {'a'}, 0, 1);
    sink.write(Stream.STDERR, new byte[] {'b'}, 0, 1);

    assertThat(out.toByteArray()).isEmpty();
    sink.flush();
    assertThat(out.toByteArray()).containsExactly(1, 0, 0, 0, 0, 0, 0, 1, 'a', 2, 0, 0, 0, 0, 0, 0, 1, 'b');
  }
}
