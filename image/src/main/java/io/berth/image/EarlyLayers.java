package io.berth.image;

import io.berth.common.Digest;
import io.berth.image.archive.ChunkPipe;
import io.berth.image.archive.Decompression;
import io.berth.image.distribution.DistributionMetadata;
import io.berth.image.layer.LayerStore;
import io.berth.image.pull.Progress;
import io.berth.image.pull.ProgressStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The layers a load unpacks while its archive streams in, from the same bytes that go into the
 * content store, by blob digest, until the manifest at the archive's end lets an image claim
 * them; what no image claims is thrown away.
 */
final class EarlyLayers {
  private final LayerStore layers;
  private final DistributionMetadata metadata;
  private final Progress progress;
  /** The diffIDs of the layers already in the store: those are not unpacked again. */
  private final Set<String> present;
  private final Map<Digest, LayerStore.Pending> unpacked = new HashMap<>();

  EarlyLayers(LayerStore layers, DistributionMetadata metadata, Progress progress) throws IOException {
    this.layers = layers;
    this.metadata = metadata;
    this.progress = progress;
    this.present = layers.diffIds();
  }

  /**
   * Whether an archive entry is worth unpacking now: a layer tar of the old format, or a blob
   * the store does not have as a layer, whose first bytes are a tar's or a compressed stream's.
   */
  boolean wanted(String name, Digest blob, byte[] head) {
    return (blob == null ? name.endsWith("/layer.tar") : !present(blob)) && layerHead(head);
  }

  void add(Digest blob, LayerStore.Pending layer) {
    LayerStore.Pending old = unpacked.put(blob, layer);
    if (old != null) {
      layers.discard(old.workDir());
    }
  }

  /** The layer unpacked from {@code blob}, now the caller's; null if none. */
  LayerStore.Pending claim(Digest blob) {
    return unpacked.remove(blob);
  }

  void discardUnclaimed() {
    unpacked.values().forEach(p -> layers.discard(p.workDir()));
    unpacked.clear();
  }

  /** Whether the store has the layer this blob is: by its diffID, or by what it was pulled as. */
  private boolean present(Digest blob) {
    return present.contains(blob.toString())
        || metadata.diffId(blob).map(present::contains).orElse(false);
  }

  /** A blob that may be a layer: a plain tar (its ustar magic), or a gzip or zstd stream. */
  private static boolean layerHead(byte[] head) {
    return switch (Decompression.format(head)) {
      case GZIP, ZSTD -> true;
      case BZIP2, XZ -> false;
      case NONE -> head.length == 512
          && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar");
    };
  }

  /**
   * Copies the rest of an entry into the content store while a second thread unpacks the same
   * bytes, as a layer to be claimed once the manifest (at the archive's end) says which image it
   * belongs to: a load then reads and hashes its layers once, not once to store and once more to
   * unpack. An entry that does not unpack is still stored whole; it is simply not claimed.
   */
  LayerStore.Pending unpackWhileStoring(byte[] head, InputStream entry, java.io.OutputStream store,
      Digest name, long size) throws IOException {
    boolean[] sinkGone = {false};
    var pipe = ChunkPipe.from("load-layer", sink -> {
      byte[] buf = new byte[128 * 1024];
      // the archive's stream goes on after this entry: a SequenceInputStream must not close it
      InputStream rest = new java.io.FilterInputStream(entry) {
        @Override
        public void close() {}
      };
      InputStream whole = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), rest);
      // a name gives the layer's id early, as dockerd reports it (its diffID, for a plain tar)
      InputStream counted = name == null ? whole
          : new ProgressStream(whole, null, name.hex().substring(0, 12), "Loading layer", size, progress);
      int n;
      while ((n = counted.read(buf)) > 0) {
        store.write(buf, 0, n);
        feed(sink, buf, n, sinkGone);
      }
    });
    LayerStore.Pending unpacked = null;
    try (InputStream in = pipe.input()) {
      unpacked = layers.extract(in);
    } catch (RuntimeException | IOException ex) {
      // not a layer after all (or one past a limit, refused again when claimed): the copy to the
      // store goes on to the entry's end regardless
    }
    try {
      // the entry is the producer's until it has copied all of it
      pipe.awaitProducer();
    } catch (IOException ex) {
      if (unpacked != null) {
        layers.discard(unpacked.workDir());
      }
      throw ex;
    }
    return unpacked;
  }

  /** Writes to the unpacking side while it still reads; the copy to the store goes on regardless. */
  private static void feed(ChunkPipe.Sink sink, byte[] b, int len, boolean[] gone) {
    if (gone[0]) {
      return;
    }
    try {
      sink.write(b, 0, len);
    } catch (IOException e) {
      gone[0] = true;
    }
  }
}
