package io.berth.common.error;

public final class NotModifiedException extends EngineException {
  public NotModifiedException(String message) {
    super(message, null);
  }

  public NotModifiedException(String message, Throwable cause) {
    super(message, cause);
  }
}
