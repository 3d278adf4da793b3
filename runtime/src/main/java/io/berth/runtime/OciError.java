package io.berth.runtime;

/** The OCI runtime refused: {@code message} is runc's own text. */
public final class OciError extends RuntimeException {
  public OciError(String message) {
    super(message);
  }
}
