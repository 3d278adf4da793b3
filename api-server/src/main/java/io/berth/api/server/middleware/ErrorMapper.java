package io.berth.api.server.middleware;

import io.berth.common.error.CancelledException;
import io.berth.common.error.ConflictException;
import io.berth.common.error.EngineException;
import io.berth.common.error.ForbiddenException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.NotImplementedException;
import io.berth.common.error.NotModifiedException;
import io.berth.common.error.SystemException;
import io.berth.common.error.UnauthorizedException;
import io.berth.common.error.UnavailableException;

/** The one place an error category becomes an HTTP status. */
public final class ErrorMapper {
  private ErrorMapper() {}

  public static int status(EngineException e) {
    return switch (e) {
      case NotFoundException _ -> 404;
      case InvalidParameterException _ -> 400;
      case ConflictException _ -> 409;
      case UnauthorizedException _ -> 401;
      case ForbiddenException _ -> 403;
      case NotModifiedException _ -> 304;
      case UnavailableException _ -> 503;
      case NotImplementedException _ -> 501;
      case CancelledException _, SystemException _ -> 500;
    };
  }

  /** Unclassified failures are the daemon's own: 500. */
  public static int status(Throwable t) {
    return t instanceof EngineException e ? status(e) : 500;
  }

  public static String message(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
