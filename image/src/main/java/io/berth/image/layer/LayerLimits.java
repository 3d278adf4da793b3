package io.berth.image.layer;

import io.berth.common.HumanSize;
import java.io.IOException;
import java.nio.file.FileStore;

/**
 * How far a layer may unpack, so that a decompression bomb (a small blob that inflates without
 * end) stops before it fills the disk: a fixed cap on the layer's tar ({@code berthd
 * --max-layer-size}; 0 for none), and in every case a reserve of free space the data root keeps,
 * 1 GiB or 5% of a smaller file system. Both are checked while the tar streams in.
 */
public record LayerLimits(long maxLayerSize) {
  public static final LayerLimits DEFAULT = new LayerLimits(0);
  /**
   * How often, in tar bytes, the free space is asked: a statvfs per 4 MiB costs nothing, and a
   * small disk's reserve (5% of it) is not overrun between two looks.
   */
  static final long FREE_SPACE_EVERY = 4L << 20;
  private static final long RESERVE = 1L << 30;

  public LayerLimits {
    if (maxLayerSize < 0) {
      throw new IllegalArgumentException("max layer size must not be negative: " + maxLayerSize);
    }
  }

  /**
   * A layer's tar went past a limit: the layer is refused whatever its digest. It reaches callers
   * of {@link LayerStore#extract} as the cause of an {@code InvalidParameterException}.
   */
  public static final class Exceeded extends RuntimeException {
    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  /** The limit a failed extraction ran into, if that is why it failed. */
  public static Exceeded exceeded(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof Exceeded x) {
        return x;
      }
    }
    return null;
  }

  /** Checks a layer that has reached {@code tarSize} bytes, unpacking onto {@code store}. */
  void check(long tarSize, long previous, FileStore store) throws IOException {
    if (maxLayerSize > 0 && tarSize > maxLayerSize) {
      throw new Exceeded("failed to register layer: the layer unpacks to more than "
          + HumanSize.of(maxLayerSize, 4) + ", the most berthd's --max-layer-size allows");
    }
    if (tarSize / FREE_SPACE_EVERY != previous / FREE_SPACE_EVERY) {
      long reserve = Math.min(RESERVE, store.getTotalSpace() / 20);
      if (store.getUsableSpace() < reserve) {
        throw new Exceeded("failed to register layer: the data root's file system is down to "
            + HumanSize.of(store.getUsableSpace(), 4) + " free, and berthd keeps " + HumanSize.of(reserve, 4)
            + " of it free");
      }
    }
  }
}
