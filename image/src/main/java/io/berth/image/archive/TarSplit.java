package io.berth.image.archive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A layer's tar without its file contents: every header, padding and trailing byte as it came,
 * and for each regular file only its path and length. With the unpacked layer it gives back the
 * very tar of the layer's diffID, so that {@code save} copies files instead of decompressing the
 * pulled blob (Docker keeps the same, as tar-split). Written by hand: the tar-split library is Go.
 *
 * <p>The file is a gzip of records: {@code R} length bytes (raw tar bytes), {@code F} path length
 * (a file's contents, read from the unpacked layer), {@code E} total length (the end).
 */
public final class TarSplit {
  public static final String FILE_NAME = "tar-split.gz";
  private static final int RAW = 'R';
  private static final int PAYLOAD = 'F';
  private static final int END = 'E';
  private static final int RAW_CHUNK = 64 * 1024;

  private TarSplit() {}

  /**
   * Sits under the tar reader and keeps what it reads: raw bytes, except between {@link
   * #beginPayload} and {@link #endPayload}, where the extractor reads a file's contents. A layer
   * whose tar cannot be rebuilt from its files (an entry that replaces an earlier one, a sparse
   * file) is {@link #invalidate}d, and keeps no skeleton.
   */
  public static final class Recorder extends FilterInputStream {
    private final Path file;
    private final DataOutputStream out;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream(RAW_CHUNK);
    private String payloadPath;
    private long payloadSize;
    private long total;
    private boolean valid = true;

    public Recorder(InputStream in, Path file) throws IOException {
      super(in);
      this.file = file;
      this.out = new DataOutputStream(new GZIPOutputStream(
          new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)), 64 * 1024));
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        total += n;
        if (payloadPath != null) {
          payloadSize += n;
        } else if (valid) {
          raw.write(b, off, n);
          if (raw.size() >= RAW_CHUNK) {
            flushRaw();
          }
        }
      }
      return n;
    }

    /** Skipped bytes are tar bytes too: read, so that they are kept. */
    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      int r = read(buf, 0, buf.length);
      return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** The next bytes read are the contents of the regular file at {@code path} (relative). */
    public void beginPayload(String path) throws IOException {
      if (valid) {
        flushRaw();
      }
      payloadPath = path;
      payloadSize = 0;
    }

    public void endPayload() throws IOException {
      if (valid && payloadSize > 0) {
        out.writeByte(PAYLOAD);
        out.writeUTF(payloadPath);
        out.writeLong(payloadSize);
      }
      payloadPath = null;
    }

    /** This layer's tar cannot be rebuilt from its files: nothing is kept. */
    public void invalidate() {
      valid = false;
    }

    /** Reads the tar to its end, then keeps the skeleton if the tar can be rebuilt. */
    public void finish() throws IOException {
      transferTo(OutputStream.nullOutputStream());
      if (valid) {
        flushRaw();
        out.writeByte(END);
        out.writeLong(total);
      }
      out.close();
      if (!valid) {
        Files.delete(file);
      }
    }

    /** Closes the skeleton without keeping it (the extraction failed). */
    public void abandon() throws IOException {
      valid = false;
      out.close();
      Files.deleteIfExists(file);
    }

    /** In records of at most {@code RAW_CHUNK} bytes, the buffer {@link #assemble} reads them into. */
    private void flushRaw() throws IOException {
      byte[] bytes = raw.toByteArray();
      for (int off = 0; off < bytes.length; off += RAW_CHUNK) {
        int len = Math.min(RAW_CHUNK, bytes.length - off);
        out.writeByte(RAW);
        out.writeInt(len);
        out.write(bytes, off, len);
      }
      raw.reset();
    }
  }

  /**
   * Writes the tar again from {@code skeleton} and the unpacked files under {@code root}.
   *
   * @return the bytes written
   * @throws IOException when a file is not the length it was unpacked with
   */
  public static long assemble(Path skeleton, Path root, OutputStream target) throws IOException {
    long written = 0;
    byte[] buf = new byte[RAW_CHUNK];
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(Files.newInputStream(skeleton), 64 * 1024), 64 * 1024))) {
      while (true) {
        int tag = in.read();
        switch (tag) {
          case RAW -> {
            int len = in.readInt();
            if (len < 0 || len > RAW_CHUNK) {
              throw new IOException("tar-split " + skeleton + " has a record of " + len + " bytes");
            }
            in.readFully(buf, 0, len);
            target.write(buf, 0, len);
            written += len;
          }
          case PAYLOAD -> {
            String path = in.readUTF();
            long size = in.readLong();
            written += copyFile(root, path, size, target, buf);
          }
          case END -> {
            long total = in.readLong();
            if (total != written) {
              throw new IOException("tar-split " + skeleton + " ends at " + written + " of " + total + " bytes");
            }
            return written;
          }
          default -> throw new EOFException("tar-split " + skeleton + " is cut short");
        }
      }
    }
  }

  private static long copyFile(Path root, String path, long size, OutputStream target, byte[] buf)
      throws IOException {
    Path p = root.resolve(path);
    if (!p.normalize().startsWith(root)) {
      throw new IOException("tar-split names a path outside the layer: " + path);
    }
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      if (ch.size() != size) {
        throw new IOException("layer file " + path + " is " + ch.size() + " bytes, not the " + size + " it was unpacked with");
      }
      InputStream in = java.nio.channels.Channels.newInputStream(ch);
      long left = size;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new EOFException("layer file " + path + " ended early");
        }
        target.write(buf, 0, n);
        left -= n;
      }
    }
    return size;
  }
}
