package io.berth.common.error;

public final class CancelledException extends EngineException {
  public CancelledException(String message) {
    super(message, null);
  }

  public CancelledException(String message, Throwable cause) {
    super(message, cause);
  }
}
