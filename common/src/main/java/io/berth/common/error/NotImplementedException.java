package io.berth.common.error;

public final class NotImplementedException extends EngineException {
  public NotImplementedException(String message) {
    super(message, null);
  }

  public NotImplementedException(String message, Throwable cause) {
    super(message, cause);
  }
}
