package io.berth.common.error;

public final class UnavailableException extends EngineException {
  public UnavailableException(String message) {
    super(message, null);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
