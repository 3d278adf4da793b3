package io.berth.common.error;

public final class SystemException extends EngineException {
  public SystemException(String message) {
    super(message, null);
  }

  public SystemException(String message, Throwable cause) {
    super(message, cause);
  }
}
