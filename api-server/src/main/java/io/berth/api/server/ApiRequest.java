package io.berth.api.server;

import io.berth.api.model.ApiVersion;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.filter.Filters;
import io.berth.common.json.Json;
import io.berth.http.HttpRequest;
import io.berth.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A routed request: path variables, Docker's query conventions, the negotiated version. */
public record ApiRequest(
    HttpRequest http, HttpResponse response, ApiVersion version, Map<String, String> vars) {
  private static final int MAX_JSON = 8 << 20;

  public String path(String name) {
    return vars.get(name);
  }

  public Optional<String> query(String name) {
    List<String> v = http.query().get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
  }

  public String query(String name, String dflt) {
    return query(name).orElse(dflt);
  }

  public List<String> queryAll(String name) {
    return http.query().getOrDefault(name, List.of());
  }

  /**
   * Docker's BoolValue: empty, 0, no, false and none (case and surrounding space ignored) are
   * false; anything else is true.
   */
  public boolean bool(String name) {
    return query(name)
        .map(v -> !List.of("", "0", "no", "false", "none").contains(v.strip().toLowerCase(Locale.ROOT)))
        .orElse(false);
  }

  public OptionalInt integer(String name) {
    Optional<String> v = query(name).filter(s -> !s.isEmpty());
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(v.get()));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(
          "invalid value for " + name + ": strconv.Atoi: parsing \"" + v.get() + "\": invalid syntax");
    }
  }

  /**
   * Interrupts the calling thread if the client goes away before the returned handle is closed:
   * a stream or wait then ends instead of holding its thread until the container does something.
   * Closing the handle clears an interrupt that came too late to matter.
   */
  public Watch interruptWhenClientLeaves() {
    Thread handler = Thread.currentThread();
    Object guard = new Object();
    boolean[] done = {false};
    HttpRequest.Registration registration = http.whenClientLeaves(() -> {
      synchronized (guard) {
        if (!done[0]) {
          handler.interrupt();
        }
      }
    });
    return () -> {
      registration.close();
      synchronized (guard) {
        done[0] = true;
      }
      Thread.interrupted();
    };
  }

  /** The handle of {@link #interruptWhenClientLeaves}. */
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  public Filters filters() {
    return Filters.parse(query("filters", ""));
  }

  public InputStream body() {
    return http.body();
  }

  /** dockerd's rule: a body on a JSON endpoint must say it is JSON (parameters aside). */
  private void checkJsonContentType() {
    String ct = http.header("Content-Type");
    String mime = ct == null ? "" : ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mime.equals("application/json")) {
      throw new InvalidParameterException("unsupported Content-Type header (" + (ct == null ? "" : ct)
          + "): must be 'application/json'");
    }
  }

  /** A small JSON body (capped); an empty body reads as null. */
  public <T> T json(Class<T> type) throws IOException {
    byte[] data = http.body().readNBytes(MAX_JSON + 1);
    if (data.length > MAX_JSON) {
      throw new InvalidParameterException("request body too large");
    }
    if (data.length == 0) {
      return null;
    }
    checkJsonContentType();
    try {
      return Json.parse(data, type);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid JSON: " + e.getMessage());
    }
  }
}
