package io.berth.common.error;

public final class ForbiddenException extends EngineException {
  public ForbiddenException(String message) {
    super(message, null);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
