package io.berth.image.archive;

import io.berth.common.error.InvalidParameterException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Recognises gzip, bzip2, xz and zstd input by its magic bytes and returns the uncompressed stream;
 * anything else is passed through as a plain tar. xz and zstd are decoded by the host's {@code xz}
 * and {@code zstd} tools because commons-compress needs extra libraries for them.
 */
public final class Decompression {
  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[] BZIP2 = {'B', 'Z', 'h'};
  private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
  private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final int BUFFER = 64 * 1024;

  private Decompression() {}

  /** What a stream's first bytes say it is compressed with. */
  public enum Format { GZIP, BZIP2, XZ, ZSTD, NONE }

  /** The compression {@code head} (a stream's first six bytes or more) starts with. */
  public static Format format(byte[] head) {
    if (startsWith(head, GZIP)) {
      return Format.GZIP;
    }
    if (startsWith(head, BZIP2)) {
      return Format.BZIP2;
    }
    if (startsWith(head, XZ)) {
      return Format.XZ;
    }
    return startsWith(head, ZSTD) ? Format.ZSTD : Format.NONE;
  }

  /** The uncompressed form of {@code in}; closing it closes {@code in}. */
  public static InputStream decompress(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, BUFFER);
    b.mark(8);
    byte[] head = b.readNBytes(6);
    b.reset();
    return switch (format(head)) {
      case GZIP -> new GZIPInputStream(b, BUFFER);
      case BZIP2 -> new BZip2CompressorInputStream(b, true);
      case XZ -> external(b, List.of("xz", "-dc"));
      case ZSTD -> external(b, List.of("zstd", "-dc"));
      case NONE -> b;
    };
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length
        && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  private static InputStream external(InputStream in, List<String> command) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new InvalidParameterException(
          "cannot decompress input: " + command.getFirst() + " is not installed", e);
    }
    Thread pump =
        Thread.ofVirtual()
            .name("decompress-" + command.getFirst())
            .start(
                () -> {
                  try (OutputStream out = p.getOutputStream()) {
                    in.transferTo(out);
                  } catch (IOException e) {
                    // the tool sees a truncated stream and fails, which is reported on read
                  }
                });
    return new ProcessStream(p, pump, in, command.getFirst());
  }

  /** The tool's output; a non-zero exit at end of stream is an error, not a short tar. */
  private static final class ProcessStream extends FilterInputStream {
    private final Process process;
    private final Thread pump;
    private final InputStream source;
    private final String tool;

    ProcessStream(Process process, Thread pump, InputStream source, String tool) {
      super(process.getInputStream());
      this.process = process;
      this.pump = pump;
      this.source = source;
      this.tool = tool;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        checkExit();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n < 0) {
        checkExit();
      }
      return n;
    }

    private void checkExit() throws IOException {
      try {
        int rc = process.waitFor();
        if (rc != 0) {
          throw new IOException(tool + " failed to decompress the input (exit status " + rc + ")");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while decompressing", e);
      }
    }

    @Override
    public void close() throws IOException {
      process.destroy();
      try {
        super.close();
      } finally {
        source.close();
        pump.interrupt();
      }
    }
  }
}
