package io.berth.client;

import io.berth.client.json.JsonReader;
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
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Decodes an error response into the engine exception of its status, with the daemon's words. */
final class ApiErrors {
  private ApiErrors() {}

  static EngineException decode(int status, String contentType, byte[] body, String route) {
    return forStatus(status, message(status, contentType, body, route));
  }

  static EngineException forStatus(int status, String message) {
    return switch (status) {
      case 304 -> new NotModifiedException(message);
      case 400 -> new InvalidParameterException(message);
      case 401 -> new UnauthorizedException(message);
      case 403 -> new ForbiddenException(message);
      case 404 -> new NotFoundException(message);
      case 409 -> new ConflictException(message);
      case 501 -> new NotImplementedException(message);
      case 503 -> new UnavailableException(message);
      default -> new SystemException(message);
    };
  }

  /** The same fallbacks as docker's client when the body is empty or not the usual JSON. */
  private static String message(int status, String contentType, byte[] body, String route) {
    String reason = status + " " + reason(status);
    if (body == null || body.length == 0) {
      return "request returned " + reason + " for API route and version " + route
          + ", check if the server supports the requested API version";
    }
    if (contentType != null && contentType.startsWith("application/json")) {
      try {
        // The mini reader, not Jackson: an error is often the whole of a short command's work.
        Object m = JsonReader.parse(body) instanceof Map<?, ?> doc ? doc.get("message") : null;
        String text = m instanceof String s ? s : m instanceof Number || m instanceof Boolean ? m.toString() : "";
        if (text.isEmpty()) {
          return "API returned a " + status + " (" + reason(status) + ") but provided no error-message";
        }
        return text.strip();
      } catch (IllegalArgumentException e) {
        return "Error reading JSON: " + e.getMessage();
      }
    }
    return new String(body, StandardCharsets.UTF_8).strip();
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }
}
