package io.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.berth.common.Digest;
import io.berth.registry.manifest.Descriptor;
import io.berth.registry.manifest.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a registry of the test's own (the JDK's HTTP server), for what a real one rarely does. */
class RepositoryTest {
  static final byte[] BLOB = new byte[200_000];
  static final Digest DIGEST;

  static {
    new java.util.Random(7).nextBytes(BLOB);
    DIGEST = Digest.sha256(BLOB);
  }

  HttpServer server;
  RegistryClient client;
  Endpoint endpoint;
  final AtomicInteger blobRequests = new AtomicInteger();
  final AtomicInteger tokenRequests = new AtomicInteger();
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    endpoint = new Endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), false, false);
    client = new RegistryClient(RegistryHosts.defaults(),
        new RegistryClient.Options(3, Duration.ofMillis(10), Duration.ofMillis(300)));
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  Descriptor descriptor() {
    return new Descriptor(MediaTypes.OCI_LAYER, DIGEST, BLOB.length);
  }

  /** Serves the blob; the first answer stops halfway, by closing ({@code stall} false) or by going quiet. */
  void blobThatBreaksOnce(boolean stall) {
    server.createContext("/v2/r/blobs/", x -> {
      int n = blobRequests.incrementAndGet();
      String range = x.getRequestHeaders().getFirst("Range");
      if (n == 1) {
        x.sendResponseHeaders(200, BLOB.length);
        x.getResponseBody().write(BLOB, 0, BLOB.length / 2);
        x.getResponseBody().flush();
        if (stall) {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        x.close();
        return;
      }
      int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
      x.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (BLOB.length - 1) + "/" + BLOB.length);
      x.sendResponseHeaders(range == null ? 200 : 206, BLOB.length - from);
      x.getResponseBody().write(BLOB, from, BLOB.length - from);
      x.close();
    });
  }

  @Test
  void droppedConnection_resumesWithRange() throws IOException {
    blobThatBreaksOnce(false);
    try (InputStream in = client.repository(endpoint, "r", null, "pull").blob(descriptor())) {
      assertThat(Digest.sha256(in.readAllBytes())).isEqualTo(DIGEST);
    }
    assertThat(blobRequests.get()).isEqualTo(2);
  }

  @Test
  void stalledConnection_isBrokenAndResumed() throws IOException {
    blobThatBreaksOnce(true);
    try (InputStream in = client.repository(endpoint, "r", null, "pull").blob(descriptor())) {
      assertThat(Digest.sha256(in.readAllBytes())).isEqualTo(DIGEST);
    }
    assertThat(blobRequests.get()).isEqualTo(2);
  }

  @Test
  void registryThatKeepsFailing_givesUpAfterTheAttempts() {
    server.createContext("/v2/r/blobs/", x -> {
      blobRequests.incrementAndGet();
      x.sendResponseHeaders(200, BLOB.length);
      x.getResponseBody().write(BLOB, 0, 10);
      x.close();
    });
    assertThatThrownBy(() -> {
      try (InputStream in = client.repository(endpoint, "r", null, "pull").blob(descriptor())) {
        in.readAllBytes();
      }
    }).isInstanceOf(IOException.class).isNotInstanceOf(BrokenBlobException.class);
    // the JDK's client itself retries a GET once when a connection dies before the headers
    assertThat(blobRequests.get()).isBetween(3, 6);
  }

  @Test
  void blobThatBreaksAtEveryAttempt_isABrokenDownload_namingHowFarItGot() {
    server.createContext("/v2/r/blobs/", x -> {
      blobRequests.incrementAndGet();
      x.sendResponseHeaders(200, BLOB.length);
      x.getResponseBody().write(BLOB, 0, BLOB.length / 2);
      x.getResponseBody().flush();
      x.close();
    });
    assertThatThrownBy(() -> {
      try (InputStream in = client.repository(endpoint, "r", null, "pull").blob(descriptor())) {
        in.readAllBytes();
      }
    }).isInstanceOf(BrokenBlobException.class)
        .hasMessage("failed to download " + DIGEST + ": the connection broke after " + BLOB.length / 2 + " of "
            + BLOB.length + " bytes, 3 attempts");
  }

  @Test
  void bearerChallenge_fetchesATokenWithBasicCredentials_once() throws IOException {
    String realm = endpoint.base() + "/token";
    server.createContext("/token", x -> {
      tokenRequests.incrementAndGet();
      String auth = x.getRequestHeaders().getFirst("Authorization");
      String expected = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));
      assertThat(x.getRequestURI().getQuery()).contains("scope=repository:r:pull", "service=reg", "account=u");
      if (!expected.equals(auth)) {
        reply(x, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
        return;
      }
      reply(x, 200, "{\"token\":\"t0k\",\"expires_in\":300}");
    });
    server.createContext("/v2/r/manifests/", x -> {
      if (!"Bearer t0k".equals(x.getRequestHeaders().getFirst("Authorization"))) {
        x.getResponseHeaders().add("WWW-Authenticate",
            "Bearer realm=\"" + realm + "\",service=\"reg\",scope=\"repository:r:pull\"");
        reply(x, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
        return;
      }
      x.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
      reply(x, 200, "{}");
    });
    Repository repo = client.repository(endpoint, "r", Credentials.basic("u", "p"), "pull");
    assertThat(repo.manifest("1").body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(repo.manifest("2").digest()).isEqualTo(Digest.sha256("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(tokenRequests.get()).isEqualTo(1);

    Repository wrong = client.repository(endpoint, "r", Credentials.basic("u", "nope"), "pull");
    assertThatThrownBy(() -> wrong.manifest("1")).isInstanceOf(RegistryException.class)
        .hasMessage("unauthorized: bad credentials");
  }

  @Test
  void manifestByDigest_mustBeThatDigest() {
    server.createContext("/v2/r/manifests/", x -> reply(x, 200, "{\"not\":\"it\"}"));
    String other = "sha256:" + "0".repeat(64);
    assertThatThrownBy(() -> client.repository(endpoint, "r", null, "pull").manifest(other))
        .hasMessage("manifest verification failed for digest " + other);
  }

  static void reply(HttpExchange x, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
    x.close();
  }

  @Test
  void unreachableEndpoint_isAnEndpointError() {
    Endpoint dead = new Endpoint(URI.create("http://127.0.0.1:1"), false, false);
    assertThatThrownBy(() -> client.repository(dead, "r", null, "pull").manifest("1"))
        .isInstanceOf(Repository.EndpointException.class);
  }
}
