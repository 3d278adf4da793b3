package io.berth.common.error;

public final class InvalidParameterException extends EngineException {
  public InvalidParameterException(String message) {
    super(message, null);
  }

  public InvalidParameterException(String message, Throwable cause) {
    super(message, cause);
  }
}
