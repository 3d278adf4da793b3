package io.berth.common.error;

public final class ConflictException extends EngineException {
  public ConflictException(String message) {
    super(message, null);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
