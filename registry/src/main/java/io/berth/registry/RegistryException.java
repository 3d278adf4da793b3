package io.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An error answer of a registry: its HTTP status and the distribution error codes of its body.
 * The message is distribution's own rendering ({@code manifest unknown: manifest unknown}), which
 * the pull and push code wraps in Docker's sentences.
 */
public final class RegistryException extends RuntimeException {
  /** One entry of the body's {@code errors} array. */
  public record Error(String code, String message) {
    /** {@code MANIFEST_UNKNOWN} with message {@code x} reads {@code manifest unknown: x}. */
    public String render() {
      String name = code.toLowerCase(Locale.ROOT).replace('_', ' ');
      return message.isEmpty() ? name : name + ": " + message;
    }
  }

  private final int status;
  private final List<Error> errors;

  RegistryException(int status, List<Error> errors, String message) {
    super(message);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public List<Error> errors() {
    return errors;
  }

  /** Whether the first error has this code ({@code DENIED}, {@code MANIFEST_UNKNOWN}, ...). */
  public boolean is(String code) {
    return !errors.isEmpty() && errors.getFirst().code().equals(code);
  }

  /** The first error's code, or empty. */
  public String code() {
    return errors.isEmpty() ? "" : errors.getFirst().code();
  }

  /** Builds the exception from a response; a body that is not distribution JSON keeps the status line's words. */
  static RegistryException of(int status, byte[] body) {
    List<Error> errors = new ArrayList<>();
    try {
      JsonNode doc = Json.mapper().readTree(body);
      for (JsonNode e : doc.path("errors")) {
        errors.add(new Error(e.path("code").asText("UNKNOWN"), e.path("message").asText("")));
      }
      // token servers in Docker Hub's style: {"details": "incorrect username or password"}
      if (errors.isEmpty() && doc.path("details").isTextual() && (status == 401 || status == 403)) {
        errors.add(new Error(status == 401 ? "UNAUTHORIZED" : "DENIED", doc.path("details").asText()));
      }
    } catch (Exception e) {
      // not JSON: the status speaks
    }
    if (errors.isEmpty()) {
      String code = switch (status) {
        case 401 -> "UNAUTHORIZED";
        case 403 -> "DENIED";
        case 404 -> "NOT_FOUND";
        case 429 -> "TOOMANYREQUESTS";
        default -> "UNKNOWN";
      };
      String text = status == 401 ? "authentication required"
          : status == 403 ? "requested access to the resource is denied"
          : "unexpected status from registry: " + status + " " + reason(status);
      errors.add(new Error(code, text));
    }
    List<String> parts = errors.stream().map(Error::render).toList();
    return new RegistryException(status, errors, String.join("; ", parts));
  }

  /** The status line words Go prints for a status. */
  public static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 416 -> "Requested Range Not Satisfiable";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "";
    };
  }
}
