package io.berth.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.berth.common.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token server of the tests' own, in the Docker registry token spec: it checks Basic
 * credentials and hands out RS256 JWTs granting the scopes asked, signed with a key whose
 * self-signed certificate (made with openssl) the registry trusts through {@code x5c}.
 */
final class TokenServer implements AutoCloseable {
  static final String ISSUER = "berth-test-issuer";
  static final String SERVICE = "berth-test-registry";

  private final HttpServer server;
  private final PrivateKey key;
  private final String certDer;
  private final Path certPem;
  private final String user;
  private final String password;
  final AtomicInteger tokens = new AtomicInteger();

  TokenServer(Path dir, String user, String password) throws Exception {
    this.user = user;
    this.password = password;
    Path keyPem = dir.resolve("token.key");
    certPem = dir.resolve("token.crt");
    Cmd gen = Cmd.run(Map.of(), null, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
        "-keyout", keyPem.toString(), "-out", certPem.toString(), "-days", "2", "-subj", "/CN=" + ISSUER));
    if (gen.exit() != 0) {
      throw new IllegalStateException("openssl: " + gen.err());
    }
    key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(keyPem)));
    certDer = Base64.getEncoder().encodeToString(pem(certPem));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::token);
    server.start();
  }

  private static byte[] pem(Path p) throws IOException {
    String body = Files.readString(p).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  Path certificate() {
    return certPem;
  }

  private void token(HttpExchange x) throws IOException {
    try (x) {
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8));
      String auth = x.getRequestHeaders().getFirst("Authorization");
      if (auth != null && !auth.equals(expected)) {
        reply(x, 401, Map.of("details", "incorrect username or password"));
        return;
      }
      List<Map<String, Object>> access = new ArrayList<>();
      String query = x.getRequestURI().getRawQuery();
      for (String kv : query == null ? new String[0] : query.split("&")) {
        int eq = kv.indexOf('=');
        if (eq < 0 || !kv.substring(0, eq).equals("scope")) {
          continue;
        }
        for (String scope : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8).split(" ")) {
          String[] parts = scope.split(":");
          if (parts.length == 3) {
            // anonymous callers may pull, only the user may push
            List<String> actions = auth == null ? List.of("pull") : List.of(parts[2].split(","));
            access.add(Map.of("type", parts[0], "name", parts[1], "actions", actions));
          }
        }
      }
      long now = Instant.now().getEpochSecond();
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("iss", ISSUER);
      claims.put("sub", auth == null ? "" : user);
      claims.put("aud", SERVICE);
      claims.put("exp", now + 300);
      claims.put("nbf", now - 10);
      claims.put("iat", now);
      claims.put("jti", UUID.randomUUID().toString());
      claims.put("access", access);
      String jwt = sign(Map.of("typ", "JWT", "alg", "RS256", "x5c", List.of(certDer)), claims);
      tokens.incrementAndGet();
      reply(x, 200, Map.of("token", jwt, "access_token", jwt, "expires_in", 300,
          "issued_at", Instant.ofEpochSecond(now).toString()));
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private String sign(Map<String, Object> header, Map<String, Object> claims) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(Json.bytes(header)) + "." + b64.encodeToString(Json.bytes(claims));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(s.sign());
  }

  private static void reply(HttpExchange x, int status, Map<String, Object> body) throws IOException {
    byte[] b = Json.bytes(body);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
