package io.berth.cli;

/**
 * Ends a command with {@code code}, printing {@code message} to stderr unless it is empty (a
 * container's own exit status is passed through silently).
 */
public final class StatusError extends RuntimeException {
  private final int code;

  public StatusError(String message, int code) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
