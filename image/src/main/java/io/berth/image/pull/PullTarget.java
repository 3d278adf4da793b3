package io.berth.image.pull;

import io.berth.image.layer.LayerInfo;
import io.berth.image.layer.LayerStore;
import java.io.InputStream;
import java.util.List;

/** What a pull needs of the image store; the store's lock is taken inside where it must be. */
public interface PullTarget {
  /** Whether an image with this id is complete in the store. */
  boolean hasImage(String id);

  /** Whether this chain of layers is unpacked already. */
  boolean hasLayer(String chainId);

  /** Unpacks a (possibly compressed) layer tar privately; {@code tar} is not closed. */
  LayerStore.Pending extract(InputStream tar);

  /** Publishes an unpacked layer on top of {@code parent} (null for the base). */
  LayerInfo commit(LayerStore.Pending pending, String parent);

  /** Throws an unpacked layer away. */
  void discard(LayerStore.Pending pending);

  /**
   * Stores the image config (whose layers are all present) and points the references at it.
   *
   * @param refs familiar references: the one pulled first, then {@code name@digest}
   * @return whether the first reference led elsewhere (or nowhere) before
   */
  boolean store(byte[] config, List<String> refs);
}
