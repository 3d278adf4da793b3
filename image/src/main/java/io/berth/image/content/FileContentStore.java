package io.berth.image.content;

import io.berth.common.Digest;
import io.berth.common.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files, {@code <root>/sha256/<hex>}. A writer streams into a temporary file under
 * {@code tmp} (on the same filesystem, emptied at startup by the image store), hashing as it goes;
 * commit checks length and digest, forces the data to disk and renames the file into place, so a
 * blob path exists only for complete, verified content.
 */
public final class FileContentStore implements ContentStore {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private final Path root;
  private final Path tmp;

  public FileContentStore(Path root, Path tmp) throws IOException {
    this.root = root;
    this.tmp = tmp;
    Files.createDirectories(root.resolve("sha256"));
    Files.createDirectories(tmp);
  }

  /** Where a committed blob lives; for callers that need a path, such as an OCI layout. */
  public Path path(Digest digest) {
    // Digest admits sha256 alone, so the path is always well formed
    return root.resolve(digest.algorithm()).resolve(digest.hex());
  }

  @Override
  public Writer writer(Digest expected, long size) throws IOException {
    Path temp = Files.createTempFile(tmp, "ingest-", "");
    return new FileWriter(expected, size, temp);
  }

  @Override
  public OptionalLong size(Digest digest) throws IOException {
    try {
      return OptionalLong.of(Files.size(path(digest)));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    try {
      return Files.newInputStream(path(digest));
    } catch (NoSuchFileException e) {
      throw new NotFoundException("blob " + digest + " not found");
    }
  }

  @Override
  public boolean delete(Digest digest) throws IOException {
    return Files.deleteIfExists(path(digest));
  }

  @Override
  public List<Digest> list() throws IOException {
    List<Digest> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("sha256"))) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> HEX64.matcher(n).matches())
          .forEach(n -> out.add(new Digest("sha256", n)));
    }
    return out;
  }

  private final class FileWriter implements Writer {
    private final Digest expected;
    private final long size;
    private final Path temp;
    private final FileChannel channel;
    private final MessageDigest hash = Digest.newSha256();
    private final OutputStream out;
    private long written;
    private boolean done;

    FileWriter(Digest expected, long size, Path temp) throws IOException {
      this.expected = expected;
      this.size = size;
      this.temp = temp;
      this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
      OutputStream file = Channels.newOutputStream(channel);
      this.out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          // an oversized blob is refused as it arrives, not after it has filled the disk
          if (size >= 0 && written + len > size) {
            throw new VerificationException(expected, "more than the " + size + " bytes announced");
          }
          hash.update(b, off, len);
          file.write(b, off, len);
          written += len;
        }
      };
    }

    @Override
    public OutputStream stream() {
      return out;
    }

    @Override
    public long written() {
      return written;
    }

    @Override
    public Digest commit() throws IOException {
      if (done) {
        throw new IllegalStateException("writer already closed");
      }
      try {
        if (size >= 0 && written != size) {
          throw new VerificationException(expected, written + " bytes where " + size + " were announced");
        }
        Digest actual = Digest.ofSha256(hash);
        if (expected != null && !actual.equals(expected)) {
          throw new VerificationException(expected, "the content's digest is " + actual);
        }
        channel.force(true);
        channel.close();
        // rename(2) replaces a blob committed meanwhile by another writer: the same content
        Files.move(temp, path(actual), StandardCopyOption.ATOMIC_MOVE);
        return actual;
      } finally {
        close();
      }
    }

    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      channel.close();
      Files.deleteIfExists(temp);
    }
  }
}
