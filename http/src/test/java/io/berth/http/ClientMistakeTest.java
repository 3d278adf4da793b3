package io.berth.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client's mistakes get an HTTP answer, as Go's server gives it, and no warning in the log. */
@Timeout(20)
class ClientMistakeTest {
  private static final int MIB = 1 << 20;

  private final AtomicReference<Throwable> bodyFailure = new AtomicReference<>();
  private WarningLog log;

  /** Echoes the body for /echo (recording why reading it failed), else the path and query. */
  private final HttpHandler handler =
      (req, resp) -> {
        if (req.path().equals("/echo")) {
          byte[] body;
          try {
            body = req.body().readAllBytes();
          } catch (IOException e) {
            bodyFailure.set(e);
            throw e;
          }
          resp.send(200, "text/plain", body);
        } else {
          resp.send(200, "text/plain", (req.path() + " " + req.query()).getBytes(StandardCharsets.UTF_8));
        }
      };

  @BeforeEach
  void captureLog() {
    log = new WarningLog();
  }

  @AfterEach
  void nothingWarned() {
    log.close();
    assertThat(log.records()).isEmpty();
  }

  private static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: docker\r\n\r\n";
  }

  /** A fresh connection still gets its answer: the mistake broke nothing for others. */
  private static void assertStillServing(TestServer s) throws IOException {
    try (RawConnection c = s.raw()) {
      c.send(get("/ok"));
      assertThat(c.readUntil(t -> t.endsWith("/ok {}"))).startsWith("HTTP/1.1 200 OK\r\n");
    }
  }

  @Test
  void handle_badEscapeInQuery_responds400WithGosWordsAndKeepsTheConnection() throws Exception {
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send(get("/containers/json?filters=%ZZ"));
      assertThat(c.readUntil(t -> t.endsWith("}")))
          .startsWith("HTTP/1.1 400 Bad Request\r\n")
          .containsIgnoringCase("content-type: application/json\r\n")
          .endsWith("\r\n\r\n{\"message\":\"invalid URL escape \\\"%ZZ\\\"\"}");
      c.send(get("/next?a=1"));
      assertThat(c.readUntil(t -> t.endsWith("/next {a=[1]}"))).startsWith("HTTP/1.1 200 OK\r\n");
      assertStillServing(s);
    }
  }

  @Test
  void handle_truncatedEscapeAtEndOfQuery_responds400() throws Exception {
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send(get("/images/json?all=%4"));
      assertThat(c.readUntil(t -> t.endsWith("}")))
          .startsWith("HTTP/1.1 400 Bad Request\r\n")
          .endsWith("{\"message\":\"invalid URL escape \\\"%4\\\"\"}");
      assertStillServing(s);
    }
  }

  @Test
  void handle_badEscapeInPath_responds400() throws Exception {
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send(get("/containers/a%ZZb/json"));
      assertThat(c.readUntil(t -> t.endsWith("}")))
          .startsWith("HTTP/1.1 400 Bad Request\r\n")
          .containsIgnoringCase("content-type: application/json\r\n")
          .endsWith("{\"message\":\"invalid URL escape \\\"%ZZ\\\"\"}");
      assertStillServing(s);
    }
  }

  @Test
  void handle_badEscapeWithUnreadBody_bodyDiscardedAndConnectionReused() throws Exception {
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send("POST /x%G1 HTTP/1.1\r\nHost: docker\r\nContent-Length: 5\r\n\r\nhello");
      assertThat(c.readUntil(t -> t.endsWith("}"))).startsWith("HTTP/1.1 400 Bad Request\r\n");
      c.send("POST /echo HTTP/1.1\r\nHost: docker\r\nContent-Length: 3\r\n\r\nabc");
      assertThat(c.readUntil(t -> t.endsWith("abc"))).startsWith("HTTP/1.1 200 OK\r\n");
    }
  }

  @Test
  void handle_malformedChunkSize_handlerSeesMalformedRequestExceptionAndClientGets400()
      throws Exception {
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send(
          "POST /echo HTTP/1.1\r\nHost: docker\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "3\r\nabc\r\nzz\r\nde\r\n0\r\n\r\n");
      assertThat(c.readAll())
          .startsWith("HTTP/1.1 400 Bad Request\r\n")
          .containsIgnoringCase("content-type: application/json\r\n")
          .containsIgnoringCase("connection: close\r\n")
          .endsWith("{\"message\":\"malformed chunked request body: invalid chunk size\"}");
      assertThat(bodyFailure.get()).isInstanceOf(MalformedRequestException.class);
      assertStillServing(s);
    }
  }

  @Test
  void handle_headersJustUnderOneMiB_accepted() throws Exception {
    String head = "GET /big HTTP/1.1\r\nHost: docker\r\nX-Big: ";
    String big = "a".repeat(MIB - head.length() - 100);
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send(head + big + "\r\n\r\n");
      assertThat(c.readUntil(t -> t.endsWith("/big {}"))).startsWith("HTTP/1.1 200 OK\r\n");
      c.send(get("/again"));
      assertThat(c.readUntil(t -> t.endsWith("/again {}"))).startsWith("HTTP/1.1 200 OK\r\n");
    }
  }

  @Test
  void handle_headersOverOneMiB_responds431() throws Exception {
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send("GET /big HTTP/1.1\r\nHost: docker\r\nX-Big: " + "a".repeat(MIB + 1000) + "\r\n\r\n");
      assertThat(c.readAll())
          .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
          .containsIgnoringCase("content-type: application/json\r\n")
          .endsWith("{\"message\":\"request header fields too large\"}");
      assertStillServing(s);
    }
  }

  @Test
  void handle_manySmallHeadersOverOneMiB_responds431() throws Exception {
    StringBuilder req = new StringBuilder("GET /many HTTP/1.1\r\nHost: docker\r\n");
    // Line ends are not counted (Go leaves 4 KiB of slack instead): go well past the limit.
    for (int i = 0; req.length() <= MIB + 64 * 1024; i++) {
      req.append("X-H").append(i).append(": ").append("v".repeat(100)).append("\r\n");
    }
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send(req.append("\r\n").toString());
      assertThat(c.readAll()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
      assertStillServing(s);
    }
  }

  @Test
  void handle_requestLineOverOneMiB_responds431() throws Exception {
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send(get("/long?q=" + "a".repeat(MIB + 10)));
      assertThat(c.readAll()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
      assertStillServing(s);
    }
  }

  @Test
  void handle_lineAndHeadersTogetherOverOneMiB_responds431() throws Exception {
    String half = "a".repeat(MIB / 2 + 100);
    try (TestServer s = new TestServer(handler);
        RawConnection c = s.raw()) {
      c.send("POST /both?q=" + half + " HTTP/1.1\r\nHost: docker\r\nX-Big: " + half
          + "\r\nContent-Length: 5\r\n\r\nhello");
      assertThat(c.readAll()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
      assertStillServing(s);
    }
  }
}
