package io.berth.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a canned server that answers one connection with fixed bytes. */
@Timeout(10)
class HttpClientTest {
  private Path dir;
  private Path socket;
  private ServerSocketChannel server;

  @BeforeEach
  void listen() throws IOException {
    dir = Files.createTempDirectory(Path.of("/tmp"), "c");
    socket = dir.resolve("c.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }

  /**
   * Accepts one connection, reads the request until {@code requestEnd}, answers {@code response}
   * and closes (or half-closes, keeping the socket to read what follows). Completes with the
   * request text plus anything the client sent afterwards.
   */
  private CompletableFuture<String> answer(String requestEnd, String response) {
    CompletableFuture<String> request = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (SocketChannel ch = server.accept()) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                ByteBuffer buf = ByteBuffer.allocate(8192);
                while (!got.toString(StandardCharsets.UTF_8).contains(requestEnd)) {
                  buf.clear();
                  if (ch.read(buf) < 0) {
                    break;
                  }
                  got.write(buf.array(), 0, buf.position());
                }
                ch.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
                ch.shutdownOutput();
                while (true) {
                  buf.clear();
                  if (ch.read(buf) < 0) {
                    break;
                  }
                  got.write(buf.array(), 0, buf.position());
                }
                request.complete(got.toString(StandardCharsets.UTF_8));
              } catch (IOException e) {
                request.completeExceptionally(e);
              }
            });
    return request;
  }

  @Test
  void request_bytesBody_sendsDockerHeadersAndContentLength() throws Exception {
    var request = answer("{}", "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    try (ClientResponse r =
        HttpClient.unix(socket).request("POST", "/v1.51/containers/create?name=x", headers, "{}".getBytes())) {
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.reason()).isEqualTo("Created");
      assertThat(r.text()).isEqualTo("ok");
    }
    assertThat(request.get(5, TimeUnit.SECONDS))
        .startsWith("POST /v1.51/containers/create?name=x HTTP/1.1\r\n")
        .contains("Content-Type: application/json\r\n")
        .contains("Host: docker\r\n")
        .contains("User-Agent: Berth-Client\r\n")
        .contains("Content-Length: 2\r\n")
        .endsWith("\r\n\r\n{}");
  }

  @Test
  void body_chunkedWithExtensionsAndTrailers_isDechunked() throws Exception {
    answer(
        "\r\n\r\n",
        "HTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nX-A: 1\r\n\r\n"
            + "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n");
    try (ClientResponse r = HttpClient.unix(socket).request("GET", "/x", null, (byte[]) null)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("x-a")).isEqualTo("1");
      assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(r.text()).isEqualTo("hello world");
    }
  }

  @Test
  void body_withoutLengthOrChunks_readsToEndOfConnection() throws Exception {
    answer("\r\n\r\n", "HTTP/1.0 200 OK\r\n\r\nuntil the end");
    try (ClientResponse r = HttpClient.unix(socket).request("GET", "/x", null, (byte[]) null)) {
      assertThat(r.text()).isEqualTo("until the end");
    }
  }

  @Test
  void request_streamBody_sendsChunks() throws Exception {
    var request = answer("0\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    byte[] data = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    try (ClientResponse r =
        HttpClient.unix(socket).request("POST", "/build", null, new ByteArrayInputStream(data))) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.readAll()).isEmpty();
    }
    String sent = request.get(5, TimeUnit.SECONDS);
    assertThat(sent).contains("Transfer-Encoding: chunked\r\n").doesNotContain("Content-Length");
    String body = sent.substring(sent.indexOf("\r\n\r\n") + 4);
    assertThat(body).startsWith("10000\r\n").endsWith("\r\n0\r\n\r\n");
  }

  @Test
  void hijack_bytesAfterHeadInSamePacket_areKeptAndOutputHalfCloses() throws Exception {
    var request =
        answer(
            "\r\n\r\n",
            "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
                + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\nearly bytes");
    try (HijackedConnection c = HttpClient.unix(socket).hijack("POST", "/attach", null, null)) {
      assertThat(c.upgraded()).isTrue();
      assertThat(c.status()).isEqualTo(101);
      assertThat(c.header("content-type")).isEqualTo("application/vnd.docker.multiplexed-stream");
      c.out().write("stdin".getBytes(StandardCharsets.UTF_8));
      c.shutdownOutput();
      assertThat(new String(c.in().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("early bytes");
    }
    assertThat(request.get(5, TimeUnit.SECONDS))
        .contains("Connection: Upgrade\r\nUpgrade: tcp\r\n")
        .contains("Content-Length: 0\r\n")
        .endsWith("\r\n\r\nstdin");
  }

  @Test
  void hijack_errorStatus_exposesStatusAndBody() throws Exception {
    answer(
        "\r\n\r\n",
        "HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n"
            + "{\"message\":\"is paused\"}\n");
    try (HijackedConnection c = HttpClient.unix(socket).hijack("POST", "/attach", Map.of(), null)) {
      assertThat(c.upgraded()).isFalse();
      assertThat(c.status()).isEqualTo(409);
      assertThat(c.text()).isEqualTo("{\"message\":\"is paused\"}\n");
    }
  }
}
