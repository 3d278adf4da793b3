package io.berth.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exchanges written by hand, to pin down connection handling a convenient client hides. */
@Timeout(10)
class RawProtocolTest {

  /** Answers with the path, or with the request body for /echo. */
  private static final HttpHandler HANDLER =
      (req, resp) -> {
        if (req.path().equals("/echo")) {
          byte[] body = req.body().readAllBytes();
          resp.send(200, "text/plain", ("got " + new String(body, StandardCharsets.UTF_8)).getBytes());
        } else {
          resp.send(200, "text/plain", req.path().getBytes(StandardCharsets.UTF_8));
        }
      };

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: docker\r\n\r\n";
  }

  @Test
  void handle_twoRequestsOneAfterTheOther_bothAnsweredOnOneConnection() throws Exception {
    try (TestServer s = new TestServer(HANDLER);
        RawConnection c = s.raw()) {
      c.send(get("/a"));
      assertThat(c.readUntil(t -> t.endsWith("\r\n\r\n/a")))
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("content-length: 2");
      c.send(get("/b"));
      assertThat(c.readUntil(t -> t.endsWith("\r\n\r\n/b"))).startsWith("HTTP/1.1 200 OK\r\n");
    }
  }

  @Test
  void handle_pipelinedRequestsInOnePacket_answeredInOrder() throws Exception {
    try (TestServer s = new TestServer(HANDLER);
        RawConnection c = s.raw()) {
      c.send(get("/one") + get("/two") + get("/three"));
      String all = c.readUntil(t -> t.endsWith("/three"));
      assertThat(RawConnection.occurrences(all, "HTTP/1.1 200 OK")).isEqualTo(3);
      assertThat(all.indexOf("/one")).isLessThan(all.indexOf("/two"));
      assertThat(all.indexOf("/two")).isLessThan(all.indexOf("/three"));
    }
  }

  @Test
  void handle_unreadRequestBody_isDiscardedAndConnectionReused() throws Exception {
    String body = "x".repeat(100_000);
    try (TestServer s = new TestServer(HANDLER);
        RawConnection c = s.raw()) {
      c.send(
          "POST /ignore HTTP/1.1\r\nHost: docker\r\nContent-Length: "
              + body.length()
              + "\r\n\r\n"
              + body);
      assertThat(c.readUntil(t -> t.endsWith("/ignore"))).startsWith("HTTP/1.1 200 OK");
      c.send("POST /echo HTTP/1.1\r\nHost: docker\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
      assertThat(c.readUntil(t -> t.endsWith("got abcde"))).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void handle_expectContinue_sends100BeforeTheBodyIsSent() throws Exception {
    try (TestServer s = new TestServer(HANDLER);
        RawConnection c = s.raw()) {
      c.send(
          "POST /echo HTTP/1.1\r\nHost: docker\r\nContent-Length: 5\r\n"
              + "Expect: 100-continue\r\n\r\n");
      assertThat(c.readUntil(t -> t.endsWith("\r\n\r\n"))).startsWith("HTTP/1.1 100 Continue\r\n");
      c.send("hello");
      assertThat(c.readUntil(t -> t.endsWith("got hello"))).startsWith("HTTP/1.1 200 OK\r\n");
    }
  }

  @Test
  void handle_connectionClose_closesAfterResponse() throws Exception {
    try (TestServer s = new TestServer(HANDLER);
        RawConnection c = s.raw()) {
      c.send("GET /bye HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n");
      String all = c.readAll();
      assertThat(all).startsWith("HTTP/1.1 200 OK\r\n").contains("connection: close").endsWith("/bye");
    }
  }

  @Test
  void handle_http10WithoutKeepAlive_closesAfterResponse() throws Exception {
    HttpHandler streaming =
        (req, resp) -> {
          try (var out = resp.body()) {
            out.write("streamed".getBytes(StandardCharsets.UTF_8));
          }
        };
    try (TestServer s = new TestServer(streaming);
        RawConnection c = s.raw()) {
      c.send("GET /old HTTP/1.0\r\n\r\n");
      String all = c.readAll();
      assertThat(all).startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("chunked").endsWith("streamed");
    }
  }

  @Test
  void handle_halfCloseAfterRequest_answersThenCloses() throws Exception {
    try (TestServer s = new TestServer(HANDLER);
        RawConnection c = s.raw()) {
      c.send(get("/last"));
      c.shutdownOutput();
      assertThat(c.readAll()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("/last");
    }
  }

  @Test
  void handle_malformedRequestLine_responds400AndCloses() throws Exception {
    try (TestServer s = new TestServer(HANDLER);
        RawConnection c = s.raw()) {
      c.send("GET /x HTTP/1.1\r\nHost docker\r\nBad Header\r\n\r\n");
      assertThat(c.readAll()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("bad request");
    }
  }

  @Test
  void handle_throwsAfterCommitting_closesWithoutEndingTheBody() throws Exception {
    HttpHandler failing =
        (req, resp) -> {
          resp.body().write("partial".getBytes(StandardCharsets.UTF_8));
          throw new IllegalStateException("broke mid-stream");
        };
    try (TestServer s = new TestServer(failing);
        RawConnection c = s.raw()) {
      c.send(get("/stream"));
      assertThat(c.readAll())
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("partial")
          .doesNotContain("\r\n0\r\n\r\n");
    }
  }
}
