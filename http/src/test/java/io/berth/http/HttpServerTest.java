package io.berth.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import io.berth.http.client.ClientResponse;
import io.berth.http.client.HttpClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HttpServerTest {

  private static final HttpHandler ECHO_INFO =
      (req, resp) ->
          resp.send(
              200,
              "application/json",
              Json.bytes(
                  Map.of(
                      "method", req.method(),
                      "path", req.path(),
                      "query", req.query(),
                      "agent", String.valueOf(req.header("user-agent")),
                      "host", String.valueOf(req.header("HOST")))));

  @Test
  void send_plainGet_returnsJsonWithContentLength() throws Exception {
    try (TestServer s = new TestServer(ECHO_INFO);
        ClientResponse r =
            s.client()
                .request("GET", "/v1.51/containers/json?all=1&f=a+b&f=%7B%22x%22%7D", null, (byte[]) null)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("content-type")).isEqualTo("application/json");
      byte[] body = r.readAll();
      assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(body.length));
      JsonNode json = Json.parse(body, JsonNode.class);
      assertThat(json.get("method").asText()).isEqualTo("GET");
      assertThat(json.get("path").asText()).isEqualTo("/v1.51/containers/json");
      assertThat(json.get("query").get("all").get(0).asText()).isEqualTo("1");
      assertThat(json.get("query").get("f")).hasSize(2);
      assertThat(json.get("query").get("f").get(0).asText()).isEqualTo("a b");
      assertThat(json.get("query").get("f").get(1).asText()).isEqualTo("{\"x\"}");
      assertThat(json.get("agent").asText()).isEqualTo("Berth-Client");
      assertThat(json.get("host").asText()).isEqualTo("docker");
    }
  }

  @Test
  void request_postWithBytes_handlerReadsWholeBody() throws Exception {
    HttpHandler handler =
        (req, resp) -> {
          byte[] in = req.body().readAllBytes();
          resp.send(201, "text/plain", ("got " + new String(in, StandardCharsets.UTF_8)).getBytes());
        };
    try (TestServer s = new TestServer(handler)) {
      ClientResponse r =
          s.client()
              .request("POST", "/x", Map.of("Content-Type", "text/plain"), "hello".getBytes());
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.text()).isEqualTo("got hello");
    }
  }

  @Test
  void handle_throwsBeforeCommit_responds500WithJsonMessage() throws Exception {
    HttpHandler handler =
        (req, resp) -> {
          throw new IllegalStateException("boom");
        };
    try (TestServer s = new TestServer(handler);
        ClientResponse r = s.client().request("GET", "/fail", null, (byte[]) null)) {
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(Json.parse(r.readAll(), JsonNode.class).get("message").asText()).isEqualTo("boom");
    }
  }

  @Test
  void handle_returnsWithoutCommitting_sendsEmptyResponseWithStatus() throws Exception {
    HttpHandler handler =
        (req, resp) -> {
          resp.status(req.path().equals("/start") ? 204 : 201);
          resp.header("X-Test", "yes");
        };
    try (TestServer s = new TestServer(handler)) {
      HttpClient c = s.client();
      try (ClientResponse r = c.request("POST", "/create", null, (byte[]) null)) {
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(r.header("X-Test")).isEqualTo("yes");
        assertThat(r.readAll()).isEmpty();
      }
      try (ClientResponse r = c.request("POST", "/start", null, (byte[]) null)) {
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.readAll()).isEmpty();
      }
    }
  }

  @Test
  void send_headRequest_hasHeadersButNoBody() throws Exception {
    HttpHandler handler =
        (req, resp) -> {
          resp.header("Api-Version", "1.51");
          resp.send(200, "text/plain", "OK".getBytes());
        };
    try (TestServer s = new TestServer(handler);
        ClientResponse r = s.client().request("HEAD", "/_ping", null, (byte[]) null)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Api-Version")).isEqualTo("1.51");
      assertThat(r.header("Content-Length")).isEqualTo("2");
      assertThat(r.readAll()).isEmpty();
    }
  }

  @Test
  void bindUnix_staleSocketFile_replacesItAndSetsPermissions() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "h");
    Path socket = dir.resolve("d.sock");
    try {
      Files.writeString(socket, "stale");
      try (HttpServer server =
          HttpServer.bindUnix(socket, PosixFilePermissions.fromString("rw-rw----"), ECHO_INFO)) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
            .isEqualTo("rw-rw----");
        try (ClientResponse r = HttpClient.unix(socket).request("GET", "/", null, (byte[]) null)) {
          assertThat(r.status()).isEqualTo(200);
        }
      }
      assertThat(socket).doesNotExist();
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void bindTcp_ephemeralPort_servesRequests() throws Exception {
    try (HttpServer server =
        HttpServer.bindTcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ECHO_INFO)) {
      int port = ((InetSocketAddress) server.address()).getPort();
      try (ClientResponse r =
          HttpClient.tcp("127.0.0.1", port).request("GET", "/info", null, (byte[]) null)) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(Json.parse(r.readAll(), JsonNode.class).get("path").asText())
            .isEqualTo("/info");
      }
    }
  }
}
