package io.berth.common.error;

public final class UnauthorizedException extends EngineException {
  public UnauthorizedException(String message) {
    super(message, null);
  }

  public UnauthorizedException(String message, Throwable cause) {
    super(message, cause);
  }
}
