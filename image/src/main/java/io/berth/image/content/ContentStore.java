package io.berth.image.content;

import io.berth.common.Digest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * Blobs addressed by their digest: image configs now, manifests and compressed layers as
 * registries arrive. A blob is written only through a {@link Writer} that checks its digest and
 * size before the blob becomes visible, so a crash or a bad download never leaves anything that
 * looks complete. Implementations are safe for concurrent use; {@code ContentStoreContract} (in
 * the tests) is the behaviour every implementation passes.
 */
public interface ContentStore {
  /**
   * Starts writing a blob that must turn out to be {@code expected} (null: whatever it is, stored
   * under its own digest); {@code size} is its length in bytes, or -1 when unknown. Nothing is
   * visible until {@link Writer#commit}.
   */
  Writer writer(Digest expected, long size) throws IOException;

  /** The length of a committed blob; empty when there is none. */
  OptionalLong size(Digest digest) throws IOException;

  /** Reads a committed blob; a missing one is {@code NotFoundException}. */
  InputStream open(Digest digest) throws IOException;

  /** Removes a blob; false when there was none. */
  boolean delete(Digest digest) throws IOException;

  /** Every committed blob. */
  List<Digest> list() throws IOException;

  /** Stores bytes already in memory under their own sha256 digest. */
  default Digest put(byte[] data) throws IOException {
    Digest d = Digest.sha256(data);
    try (Writer w = writer(d, data.length)) {
      w.stream().write(data);
      w.commit();
    }
    return d;
  }

  /** Reads a whole committed blob. */
  default byte[] read(Digest digest) throws IOException {
    try (InputStream in = open(digest)) {
      return in.readAllBytes();
    }
  }

  /** One blob being written. Closing it without a commit discards what was written. */
  interface Writer extends Closeable {
    OutputStream stream();

    /** Bytes written so far. */
    long written();

    /**
     * Publishes the blob once its length and digest are the expected ones; otherwise throws
     * {@link VerificationException} and keeps nothing. A blob already present is kept as it is.
     *
     * @return the blob's digest
     */
    Digest commit() throws IOException;
  }
}
