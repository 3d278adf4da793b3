package io.berth.common.error;

/**
 * The engine's errors, classified by category. Messages are Docker's own words because clients
 * compare them; the HTTP status is decided once, at the API edge.
 */
public abstract sealed class EngineException extends RuntimeException
    permits NotFoundException,
        InvalidParameterException,
        ConflictException,
        UnauthorizedException,
        ForbiddenException,
        NotModifiedException,
        UnavailableException,
        NotImplementedException,
        CancelledException,
        SystemException {

  EngineException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code No such container: x}. */
  public static NotFoundException noSuch(String kind, String ref) {
    return new NotFoundException("No such " + kind + ": " + ref);
  }
}
