package io.berth.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.http.client.HijackedConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HijackTest {

  /**
   * Like an attach: reports the request body (unless {@code ?skip=1}), then echoes stdin upper-cased
   * until the client half-closes, then says bye and half-closes in turn.
   */
  private static final HttpHandler UPPER =
      (req, resp) -> {
        if (req.path().equals("/refuse")) {
          resp.send(404, "application/json", "{\"message\":\"No such container: x\"}".getBytes());
          return;
        }
        String body =
            req.query().containsKey("skip")
                ? "skipped"
                : new String(req.body().readAllBytes(), StandardCharsets.UTF_8);
        resp.header("Content-Type", "application/vnd.docker.raw-stream");
        resp.header("Connection", "Upgrade");
        resp.header("Upgrade", "tcp");
        try (Hijacked h = resp.hijack("HTTP/1.1 101 UPGRADED")) {
          h.out().write(("[" + body + "]").getBytes(StandardCharsets.UTF_8));
          byte[] buf = new byte[4096];
          int n;
          while ((n = h.in().read(buf)) >= 0) {
            String s = new String(buf, 0, n, StandardCharsets.UTF_8);
            h.out().write(s.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
          }
          h.out().write("bye\n".getBytes(StandardCharsets.UTF_8));
          h.shutdownOutput();
        }
      };

  private static String read(InputStream in, int n) throws IOException {
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  @Test
  void hijack_clientSendsThenHalfCloses_serverEchoesAndEndsStream() throws Exception {
    try (TestServer s = new TestServer(UPPER);
        HijackedConnection c =
            s.client().hijack("POST", "/v1.51/containers/c/attach?stream=1&stdin=1", Map.of(), null)) {
      assertThat(c.upgraded()).isTrue();
      assertThat(c.status()).isEqualTo(101);
      assertThat(c.header("upgrade")).isEqualTo("tcp");
      assertThat(c.header("Connection")).isEqualTo("Upgrade");
      assertThat(c.header("Content-Type")).isEqualTo("application/vnd.docker.raw-stream");
      assertThat(read(c.in(), 2)).isEqualTo("[]");
      c.out().write("hello ".getBytes(StandardCharsets.UTF_8));
      assertThat(read(c.in(), 6)).isEqualTo("HELLO ");
      c.out().write("world".getBytes(StandardCharsets.UTF_8));
      c.shutdownOutput();
      assertThat(new String(c.in().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("WORLDbye\n");
    }
  }

  @Test
  void hijack_requestWithJsonBody_handlerReadsBodyThenStreams() throws Exception {
    byte[] json = "{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.UTF_8);
    try (TestServer s = new TestServer(UPPER);
        HijackedConnection c =
            s.client()
                .hijack("POST", "/exec/e/start", Map.of("Content-Type", "application/json"), json)) {
      assertThat(c.status()).isEqualTo(101);
      c.out().write("ls\n".getBytes(StandardCharsets.UTF_8));
      c.shutdownOutput();
      assertThat(new String(c.in().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("[{\"Detach\":false,\"Tty\":false}]LS\nbye\n");
    }
  }

  @Test
  void hijack_stdinInSamePacketAsHead_noByteIsLost() throws Exception {
    try (TestServer s = new TestServer(UPPER);
        RawConnection c = s.raw()) {
      c.send(
          "POST /containers/c/attach?stdin=1 HTTP/1.1\r\nHost: docker\r\n"
              + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\nGET / HTTP/1.1\r\nhello");
      c.shutdownOutput();
      String all = c.readAll();
      assertThat(all)
          .startsWith("HTTP/1.1 101 UPGRADED\r\n")
          .contains("Content-Type: application/vnd.docker.raw-stream\r\n")
          .endsWith("\r\n\r\n[]GET / HTTP/1.1\r\nHELLObye\n");
    }
  }

  @Test
  void hijack_unreadBodyAndStdinInOnePacket_bodyIsSkippedAndStdinKept() throws Exception {
    String json = "{\"Detach\":false}";
    try (TestServer s = new TestServer(UPPER);
        RawConnection c = s.raw()) {
      c.send(
          "POST /exec/e/start?skip=1 HTTP/1.1\r\nHost: docker\r\nContent-Length: "
              + json.length()
              + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
              + json
              + "stdin");
      c.shutdownOutput();
      assertThat(c.readAll()).endsWith("\r\n\r\n[skipped]STDINbye\n");
    }
  }

  @Test
  void hijack_serverRefuses_returnsStatusAndErrorBody() throws Exception {
    try (TestServer s = new TestServer(UPPER);
        HijackedConnection c = s.client().hijack("POST", "/refuse", Map.of(), null)) {
      assertThat(c.upgraded()).isFalse();
      assertThat(c.status()).isEqualTo(404);
      assertThat(c.text()).isEqualTo("{\"message\":\"No such container: x\"}");
    }
  }

  @Test
  void out_clientHalfClosedThenServerSendsMegabytes_everyByteArrives() throws Exception {
    int total = 8 << 20;
    HttpHandler handler =
        (req, resp) -> {
          try (Hijacked h = resp.hijack("HTTP/1.1 101 UPGRADED")) {
            assertThat(h.in().read()).isEqualTo(-1);
            byte[] block = new byte[64 * 1024];
            for (int sent = 0; sent < total; sent += block.length) {
              h.out().write(block);
            }
            h.shutdownOutput();
          }
        };
    try (TestServer s = new TestServer(handler);
        HijackedConnection c = s.client().hijack("POST", "/attach", Map.of(), null)) {
      c.shutdownOutput();
      // Let the server fill the socket so that it has to wait for room to write again.
      Thread.sleep(300);
      long got = 0;
      byte[] buf = new byte[8192];
      int n;
      while ((n = c.in().read(buf)) >= 0) {
        got += n;
      }
      assertThat(got).isEqualTo(total);
    }
  }
}
