package io.berth.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link HttpRequest#closed()}: a blocked handler learns that its client went away. */
@Timeout(20)
class ClientGoneTest {

  /** Like a wait: blocks until the client goes, without touching the body. */
  private static final class Waiter implements HttpHandler {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);
    final CompletableFuture<Boolean> continuationOnVirtualThread = new CompletableFuture<>();

    @Override
    public void handle(HttpRequest req, HttpResponse resp) {
      req.closed().thenRun(() -> continuationOnVirtualThread.complete(Thread.currentThread().isVirtual()));
      started.countDown();
      req.closed().toCompletableFuture().join();
      released.countDown();
      resp.send(200, "text/plain", "bye".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void closed_clientClosesWhileHandlerWaits_handlerReleased() throws Exception {
    Waiter waiter = new Waiter();
    try (TestServer s = new TestServer(waiter)) {
      RawConnection c = s.raw();
      c.send("POST /containers/c/wait HTTP/1.1\r\nHost: docker\r\n\r\n");
      assertThat(waiter.started.await(5, TimeUnit.SECONDS)).isTrue();
      c.close();
      assertThat(waiter.released.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(waiter.continuationOnVirtualThread.get(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void closed_clientClosesWithUnreadBody_handlerReleased() throws Exception {
    Waiter waiter = new Waiter();
    try (TestServer s = new TestServer(waiter)) {
      RawConnection c = s.raw();
      c.send("POST /wait HTTP/1.1\r\nHost: docker\r\nContent-Length: 5\r\n\r\nhello");
      assertThat(waiter.started.await(5, TimeUnit.SECONDS)).isTrue();
      c.close();
      assertThat(waiter.released.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void closed_clientClosesMidBody_handlerReleased() throws Exception {
    Waiter waiter = new Waiter();
    try (TestServer s = new TestServer(waiter)) {
      RawConnection c = s.raw();
      c.send("POST /wait HTTP/1.1\r\nHost: docker\r\nContent-Length: 100\r\n\r\nonly ten..");
      assertThat(waiter.started.await(5, TimeUnit.SECONDS)).isTrue();
      c.close();
      assertThat(waiter.released.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void closed_clientHalfClosesAfterRequest_handlerReleasedAndAnswerStillDelivered()
      throws Exception {
    Waiter waiter = new Waiter();
    try (TestServer s = new TestServer(waiter);
        RawConnection c = s.raw()) {
      c.send("POST /wait HTTP/1.1\r\nHost: docker\r\n\r\n");
      assertThat(waiter.started.await(5, TimeUnit.SECONDS)).isTrue();
      c.shutdownOutput();
      assertThat(waiter.released.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(c.readAll()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("bye");
    }
  }

  @Test
  void closed_serverStops_handlerReleased() throws Exception {
    Waiter waiter = new Waiter();
    TestServer s = new TestServer(waiter);
    try (RawConnection c = s.raw()) {
      c.send("GET /events HTTP/1.1\r\nHost: docker\r\n\r\n");
      assertThat(waiter.started.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      s.close();
    }
    assertThat(waiter.released.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void closed_connectionOpen_notCompletedAndNextRequestServed() throws Exception {
    HttpHandler handler =
        (req, resp) ->
            resp.send(
                200,
                "text/plain",
                (req.closed().toCompletableFuture().isDone() ? "closed" : "open")
                    .getBytes(StandardCharsets.UTF_8));
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send("GET /a HTTP/1.1\r\nHost: docker\r\n\r\n");
      assertThat(c.readUntil(t -> t.endsWith("open") || t.endsWith("closed"))).endsWith("open");
      c.send("GET /b HTTP/1.1\r\nHost: docker\r\n\r\n");
      assertThat(c.readUntil(t -> t.endsWith("open") || t.endsWith("closed"))).endsWith("open");
    }
  }

  /**
   * After a hijack a half-close is stdin's end, not the client leaving; a client that closed
   * entirely is noticed at the next write.
   */
  @Test
  void closed_hijackedClientHalfCloses_notClosedUntilTheConnectionIs() throws Exception {
    CompletableFuture<Boolean> closedAtStdinEof = new CompletableFuture<>();
    CountDownLatch released = new CountDownLatch(1);
    HttpHandler attach =
        (req, resp) -> {
          try (Hijacked h = resp.hijack("HTTP/1.1 101 UPGRADED")) {
            h.in().readAllBytes();
            closedAtStdinEof.complete(req.closed().toCompletableFuture().isDone());
            h.out().write("stdin ended\n".getBytes(StandardCharsets.UTF_8));
            try {
              while (true) {
                h.out().write("output\n".getBytes(StandardCharsets.UTF_8));
                Thread.sleep(10);
              }
            } catch (IOException expected) {
              // the client is gone
            }
            req.closed().toCompletableFuture().join();
            released.countDown();
          }
        };
    try (TestServer s = new TestServer(attach)) {
      RawConnection c = s.raw();
      c.send("POST /containers/c/attach?stdin=1 HTTP/1.1\r\nHost: docker\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
      assertThat(c.readUntil(t -> t.contains("\r\n\r\n"))).startsWith("HTTP/1.1 101 UPGRADED\r\n");
      c.shutdownOutput();
      assertThat(closedAtStdinEof.get(5, TimeUnit.SECONDS)).isFalse();
      c.readUntil(t -> t.contains("stdin ended\n"));
      c.close();
      assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
