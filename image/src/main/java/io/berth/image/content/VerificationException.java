package io.berth.image.content;

import io.berth.common.Digest;
import java.io.IOException;

/** What arrived is not the blob it claimed to be: wrong digest, too short or too long. */
public final class VerificationException extends IOException {
  private final Digest expected;

  public VerificationException(Digest expected, String what) {
    super("content verification failed for " + expected + ": " + what);
    this.expected = expected;
  }

  public Digest expected() {
    return expected;
  }
}
