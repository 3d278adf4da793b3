package io.berth.http;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A request whose body streams; nothing is aggregated. */
public interface HttpRequest {
  String method();

  /** The decoded path without the query string, e.g. {@code /v1.51/containers/json}. */
  String path();

  /** Decoded query parameters in order; a key may repeat. */
  Map<String, List<String>> query();

  /** First value of a header, case-insensitive, or null. */
  String header(String name);

  /** The body (dechunked); empty when there is none. Reading blocks until data arrives. */
  InputStream body();

  /**
   * Completes when the client has gone away, so that a handler blocked on something else (a wait,
   * a log follower) can stop. It completes whether or not the body has been read, never on a Netty
   * thread, and never exceptionally.
   *
   * <p>Gone means the connection closed or was reset, or, before a {@link HttpResponse#hijack
   * hijack}, that the client shut down its sending side. A peer's close and its {@code
   * shutdown(SHUT_WR)} look the same to a server that allows half-closure (both are just the end of
   * input), and Go's server, like dockerd's handlers that rely on it, takes that end of input as
   * the client leaving: it cancels the request's context. A client that half-closes and still wants
   * its answer gets it all the same if the handler does not look here. After a hijack the end of
   * input is only the end of stdin ({@link Hijacked#in()}), so only the connection's closing counts;
   * a peer that closed entirely is then noticed at the next write.
   *
   * <p>The default never completes: for requests that do not come from a connection.
   */
  default CompletionStage<Void> closed() {
    return new CompletableFuture<Void>().minimalCompletionStage();
  }

  /**
   * Runs {@code action} once, on a thread of its own, if the client goes away (as {@link #closed}
   * means it) before the returned registration is closed. Closing it forgets the action, so a
   * long-lived connection that serves many requests keeps nothing of the finished ones.
   */
  default Registration whenClientLeaves(Runnable action) {
    closed().thenRun(action);
    return () -> {};
  }

  /** Whether the client has gone away already (as {@link #closed} means it). */
  default boolean clientLeft() {
    return closed().toCompletableFuture().isDone();
  }

  /** The handle of {@link #whenClientLeaves}. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
