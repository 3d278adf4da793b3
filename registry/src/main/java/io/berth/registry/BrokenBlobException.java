package io.berth.registry;

import java.io.IOException;

/**
 * A blob whose connection kept breaking until the download attempts ran out. Its message is the
 * one a pull reports, whatever the layers above (decompression, unpacking) wrapped it in.
 */
public final class BrokenBlobException extends IOException {
  BrokenBlobException(String digest, long offset, long size, int attempts, IOException last) {
    super("failed to download " + digest + ": the connection broke after " + offset
        + (size > 0 ? " of " + size : "") + " bytes, " + attempts + (attempts == 1 ? " attempt" : " attempts"),
        last);
  }

  /** The broken download behind {@code t}, if that is what failed. */
  public static BrokenBlobException in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BrokenBlobException b) {
        return b;
      }
      for (Throwable s : c.getSuppressed()) {
        if (s instanceof BrokenBlobException b) {
          return b;
        }
      }
    }
    return null;
  }
}
