package io.berth.registry;

import io.berth.common.Digest;
import io.berth.common.error.InvalidParameterException;
import io.berth.registry.manifest.Descriptor;
import io.berth.registry.manifest.Manifests;
import io.berth.registry.manifest.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLException;

/**
 * One repository at one endpoint, with one client's credentials: the distribution API calls that
 * pull, push and login make. Authenticates on demand: a 401 teaches the endpoint's challenge, the
 * request is retried with Basic credentials or a bearer token for this repository's scope, and
 * later requests to the endpoint carry that from the start.
 */
public final class Repository {
  /** A manifest as served, with the digest of its bytes. */
  public record FetchedManifest(byte[] body, String mediaType, Digest digest) {}

  /** The code of the error dockerd words {@code no basic auth credentials}. */
  public static final String NO_BASIC_CREDENTIALS = "NO_BASIC_AUTH_CREDENTIALS";
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** Uploads may take long; only the wait for their answer's headers is bounded, generously. */
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

  private final RegistryClient client;
  private final Endpoint endpoint;
  private final String path;
  private final Credentials credentials;
  private final boolean login;
  private final Authorizer auth;

  Repository(RegistryClient client, Endpoint endpoint, String path, Credentials credentials, String actions,
      List<String> otherPullScopes) {
    this.client = client;
    this.endpoint = endpoint;
    this.path = path;
    this.credentials = credentials;
    this.login = actions == null;
    List<String> s = new java.util.ArrayList<>();
    if (actions != null) {
      s.add("repository:" + path + ":" + actions);
      otherPullScopes.forEach(other -> s.add("repository:" + other + ":pull"));
    }
    this.auth = new Authorizer(client, endpoint, credentials, List.copyOf(s), login);
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public String path() {
    return path;
  }

  /**
   * Fetches a manifest by tag or digest, refusing one larger than {@link Manifests#MAX_SIZE} and,
   * when asked by digest, one whose bytes are not that digest.
   */
  public FetchedManifest manifest(String reference) throws IOException {
    HttpRequest.Builder b = request("/manifests/" + reference)
        .header("Accept", String.join(", ", MediaTypes.MANIFEST_ACCEPT))
        .GET();
    HttpResponse<InputStream> r = send(b);
    try (InputStream in = r.body()) {
      check(r);
      long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > Manifests.MAX_SIZE) {
        throw new InvalidParameterException("manifest too big: " + declared + " bytes");
      }
      byte[] body = in.readNBytes(Manifests.MAX_SIZE + 1);
      if (body.length > Manifests.MAX_SIZE) {
        throw new InvalidParameterException("manifest too big: over " + Manifests.MAX_SIZE + " bytes");
      }
      Digest digest = Digest.sha256(body);
      if (reference.startsWith("sha256:") && !digest.toString().equals(reference)) {
        throw new InvalidParameterException(
            "manifest verification failed for digest " + reference);
      }
      return new FetchedManifest(body, r.headers().firstValue("Content-Type").orElse(""), digest);
    }
  }

  /**
   * Opens a blob for reading: redirects are followed without this registry's credentials, a
   * dropped or stalled connection resumes from where it stopped (a Range request) up to the
   * client's attempts. The caller verifies the digest of what it reads.
   */
  public InputStream blob(Descriptor d) throws IOException {
    return new BlobStream(this, d, client.options(), client.watchdog());
  }

  /** The stream of a blob from {@code offset} on: the status is 200 or 206. */
  HttpResponse<InputStream> openBlob(Descriptor d, long offset) throws IOException {
    List<URI> urls = MediaTypes.isForeign(d.mediaType()) ? foreignUrls(d) : List.of();
    HttpResponse<InputStream> r;
    if (!urls.isEmpty()) {
      r = get(urls.getFirst(), offset);
    } else {
      HttpRequest.Builder b = request("/blobs/" + d.digest()).GET();
      if (offset > 0) {
        b.header("Range", "bytes=" + offset + "-");
      }
      r = send(b);
    }
    for (int hops = 0; isRedirect(r.statusCode()) && hops < 10; hops++) {
      URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow(
          () -> new IOException("redirect without Location from " + endpoint)));
      r.body().close();
      r = get(next, offset);
    }
    if (r.statusCode() != 200 && r.statusCode() != 206) {
      try (InputStream in = r.body()) {
        check(r);
      }
    }
    return r;
  }

  private static List<URI> foreignUrls(Descriptor d) {
    return d.urlList().stream()
        .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
        .map(URI::create)
        .toList();
  }

  private HttpResponse<InputStream> get(URI uri, long offset) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
    if (offset > 0) {
      b.header("Range", "bytes=" + offset + "-");
    }
    return raw(b.build());
  }

  private static boolean isRedirect(int s) {
    return s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
  }

  /** The size of a blob the registry holds, or empty. */
  public OptionalLong blobSize(Digest d) throws IOException {
    HttpResponse<InputStream> r = send(request("/blobs/" + d).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    try (InputStream in = r.body()) {
      if (r.statusCode() == 404) {
        return OptionalLong.empty();
      }
      if (isRedirect(r.statusCode())) {
        return OptionalLong.of(r.headers().firstValueAsLong("Content-Length").orElse(-1));
      }
      check(r);
      return OptionalLong.of(r.headers().firstValueAsLong("Content-Length").orElse(-1));
    }
  }

  /**
   * Logs in: {@code GET /v2/} with these credentials, answering a challenge as asked.
   *
   * @return the status of the last answer (200 when the credentials were taken)
   */
  public int ping() throws IOException {
    HttpResponse<InputStream> r = send(HttpRequest.newBuilder(endpoint.base().resolve("/v2/"))
        .timeout(REQUEST_TIMEOUT).GET());
    try (InputStream in = r.body()) {
      return r.statusCode();
    }
  }

  /** The refresh token a token server gave at login, or empty: the client's identity token. */
  public String refreshToken() {
    return auth.refreshToken();
  }

  /**
   * Asks the registry to mount a blob from another of its repositories ({@code from}, a path);
   * true when it did, false when it opened an upload instead (which is cancelled).
   */
  public boolean mount(Digest digest, String from) throws IOException {
    HttpResponse<InputStream> r = send(request("/blobs/uploads/?mount=" + enc(digest.toString()) + "&from=" + enc(from))
        .POST(HttpRequest.BodyPublishers.noBody()));
    try (InputStream in = r.body()) {
      if (r.statusCode() == 201) {
        return true;
      }
      if (r.statusCode() == 202) {
        r.headers().firstValue("Location").ifPresent(this::cancelUpload);
        return false;
      }
      check(r);
      return false;
    }
  }

  private void cancelUpload(String location) {
    try {
      HttpResponse<InputStream> r = send(HttpRequest.newBuilder(uploadUri(location, null))
          .timeout(REQUEST_TIMEOUT).DELETE());
      r.body().close();
    } catch (IOException | RuntimeException e) {
      // an abandoned upload expires on the registry
    }
  }

  /**
   * Uploads a blob: {@code POST} to open an upload, one streaming {@code PATCH} of {@code data},
   * then {@code PUT ?digest=}, as dockerd does. The digest is computed as the bytes go, so
   * content compressed on the way needs no second pass.
   *
   * @param expected the blob's digest when known, checked against what was sent; null otherwise
   * @return the digest and length of what was sent
   */
  public Descriptor upload(InputStream data, Digest expected, String mediaType) throws IOException {
    HttpResponse<InputStream> opened = send(request("/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()));
    String location;
    try (InputStream in = opened.body()) {
      check(opened);
      location = opened.headers().firstValue("Location")
          .orElseThrow(() -> new IOException("registry opened an upload without a Location"));
    }
    java.security.MessageDigest md = Digest.newSha256();
    long[] count = new long[1];
    InputStream counted = new java.io.FilterInputStream(new java.security.DigestInputStream(data, md)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          count[0] += n;
        }
        return n;
      }

      @Override
      public void close() {
        // the caller owns the data stream
      }
    };
    HttpResponse<InputStream> patched = send(HttpRequest.newBuilder(uploadUri(location, null))
        .timeout(UPLOAD_TIMEOUT)
        .header("Content-Type", "application/octet-stream")
        .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> counted)));
    try (InputStream in = patched.body()) {
      check(patched);
      location = patched.headers().firstValue("Location").orElse(location);
    }
    Digest digest = Digest.ofSha256(md);
    if (expected != null && !expected.equals(digest)) {
      cancelUpload(location);
      throw new IOException("blob " + expected + " read back as " + digest + ": the local copy is damaged");
    }
    HttpResponse<InputStream> put = send(HttpRequest.newBuilder(uploadUri(location, digest))
        .timeout(REQUEST_TIMEOUT).PUT(HttpRequest.BodyPublishers.noBody()));
    try (InputStream in = put.body()) {
      check(put);
    }
    return new Descriptor(mediaType, digest, count[0]);
  }

  private URI uploadUri(String location, Digest digest) {
    URI u = endpoint.base().resolve("/").resolve(location);
    if (digest == null) {
      return u;
    }
    String q = u.getRawQuery();
    String add = "digest=" + enc(digest.toString());
    return URI.create(u.getScheme() + "://" + u.getRawAuthority() + u.getRawPath() + "?" + (q == null || q.isEmpty() ? add : q + "&" + add));
  }

  /** Puts a manifest under a tag (or its digest); returns the digest of the bytes sent. */
  public Digest putManifest(String reference, String mediaType, byte[] body) throws IOException {
    HttpResponse<InputStream> r = send(request("/manifests/" + reference)
        .header("Content-Type", mediaType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    try (InputStream in = r.body()) {
      check(r);
    }
    return Digest.sha256(body);
  }

  private HttpRequest.Builder request(String suffix) {
    return HttpRequest.newBuilder(endpoint.base().resolve("/v2/" + path + suffix)).timeout(REQUEST_TIMEOUT);
  }

  /** Throws the registry's error for a status that is not a success. */
  static void check(HttpResponse<InputStream> r) throws IOException {
    if (r.statusCode() >= 200 && r.statusCode() < 300) {
      return;
    }
    byte[] body = r.body().readNBytes(64 * 1024);
    throw RegistryException.of(r.statusCode(), body);
  }

  /**
   * Sends with the endpoint's known authentication; a 401 with a challenge it can answer is
   * retried once with credentials.
   */
  HttpResponse<InputStream> send(HttpRequest.Builder b) throws IOException {
    Optional<String> sent = auth.header();
    sent.ifPresent(a -> b.setHeader("Authorization", a));
    HttpResponse<InputStream> r = raw(b.build());
    if (r.statusCode() != 401) {
      return r;
    }
    List<Challenge> found = Challenge.parseAll(r.headers().allValues("WWW-Authenticate"));
    if (found.isEmpty()) {
      return r;
    }
    client.challenges().put(endpoint.base().toString(), found);
    Optional<String> retry = auth.header();
    if (retry.isEmpty() && !login && found.stream().allMatch(c -> c.scheme().equals("basic"))) {
      r.body().close();
      HttpRequest req = b.build();
      String what = req.method().charAt(0) + req.method().substring(1).toLowerCase(java.util.Locale.ROOT)
          + " \"" + req.uri() + "\": no basic auth credentials";
      throw new RegistryException(401, List.of(new RegistryException.Error(NO_BASIC_CREDENTIALS, what)), what);
    }
    if (retry.isEmpty() || retry.equals(sent)) {
      return r;
    }
    r.body().close();
    b.setHeader("Authorization", retry.get());
    return raw(b.build());
  }

  private HttpResponse<InputStream> raw(HttpRequest req) throws IOException {
    try {
      return client.http(endpoint).send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (SSLException e) {
      if (!endpoint.verifyTls()) {
        client.refusedHttps(endpoint);
      }
      throw new EndpointException(endpoint, e);
    } catch (java.net.http.HttpConnectTimeoutException e) {
      if (!endpoint.verifyTls() && !endpoint.plainHttp()) {
        client.refusedHttps(endpoint); // a plain-HTTP server that never answers a TLS hello
      }
      throw new EndpointException(endpoint, e);
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      // no answer at all (refused, unknown host, reset): the next endpoint may do better
      throw new EndpointException(endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while talking to " + endpoint);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A failure to reach an endpoint at all, after which the next endpoint is tried. */
  public static final class EndpointException extends UncheckedIOException {
    EndpointException(Endpoint e, IOException cause) {
      super(e + ": " + cause.getMessage(), cause);
    }
  }
}
