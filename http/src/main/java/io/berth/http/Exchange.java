package io.berth.http;

import io.berth.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Map;

/** One request on its own virtual thread: the handler, then whatever it left undone. */
final class Exchange implements Runnable {
  private static final System.Logger LOG = System.getLogger("berth.http");
  /** Beyond this much unread request body, closing beats reading it just to throw it away. */
  private static final long DISCARD_LIMIT = 4L << 20;

  private final Connection conn;
  private final HttpHandler handler;
  private final ServerRequest request;
  private final ServerResponse response;

  Exchange(Connection conn, HttpHandler handler, io.netty.handler.codec.http.HttpRequest head) {
    this.conn = conn;
    this.handler = handler;
    this.request = new ServerRequest(conn, head);
    this.response = new ServerResponse(conn, request);
  }

  @Override
  public void run() {
    boolean keepAlive = false;
    try {
      Throwable failure = request.malformed();
      if (failure == null) {
        try {
          handler.handle(request, response);
        } catch (Throwable t) {
          failure = t;
        }
      }
      keepAlive = conclude(failure);
    } catch (Throwable t) {
      // A client gone mid-response, or a handler that broke the response: drop the connection.
      LOG.log(Level.DEBUG, "{0}: {1}", request, t.toString());
    } finally {
      request.release();
      conn.finished(keepAlive);
    }
  }

  /** The client's mistake behind {@code t}, when a handler let it through or wrapped it. */
  private static MalformedRequestException malformed(Throwable t) {
    for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t instanceof MalformedRequestException m) {
        return m;
      }
    }
    return null;
  }

  /** True when the connection can serve another request. */
  private boolean conclude(Throwable failure) throws Exception {
    RawHijacked hijacked = response.hijacked();
    if (hijacked != null) {
      hijacked.close();
      return false;
    }
    if (failure != null) {
      if (response.committed()) {
        // The client gets what was written, then an end of stream that cannot pass for a
        // complete body: no terminating chunk, or fewer bytes than the Content-Length.
        LOG.log(Level.DEBUG, request + " failed after the response started", failure);
        return false;
      }
      MalformedRequestException malformed = malformed(failure);
      boolean io = failure instanceof IOException || failure instanceof UncheckedIOException;
      if (malformed != null || (io && conn.isGone())) {
        // The client's mistake or its leaving: nothing for the daemon's log to warn about.
        LOG.log(Level.DEBUG, "{0} failed: {1}", request, failure.toString());
      } else {
        LOG.log(Level.WARNING, request + " failed", failure);
      }
      Throwable shown = malformed != null ? malformed : failure;
      String message = shown.getMessage() != null ? shown.getMessage() : shown.toString();
      response.fail(
          malformed != null ? 400 : 500,
          "application/json",
          Json.bytes(Map.of("message", message)),
          request.bodyBroken());
    } else {
      response.complete();
    }
    return request.discardBody(DISCARD_LIMIT) && response.keepAlive();
  }
}
