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
import io.berth.http.MalformedRequestException;

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

  /** A client's broken request is 400 wherever it surfaces; other unclassified failures are 500. */
  public static int status(Throwable t) {
    if (t instanceof EngineException e) {
      return status(e);
    }
    return malformed(t) != null ? 400 : 500;
  }

  /** The client's mistake behind {@code t}, if that is what it is (the body read is often wrapped). */
  public static MalformedRequestException malformed(Throwable t) {
    for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
      if (t instanceof MalformedRequestException m) {
        return m;
      }
    }
    return null;
  }

  public static String message(Throwable t) {
    MalformedRequestException broken = malformed(t);
    if (broken != null && !(t instanceof EngineException)) {
      t = broken;
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
