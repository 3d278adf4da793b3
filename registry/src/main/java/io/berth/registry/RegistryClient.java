package io.berth.registry;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The daemon's one registry client: two JDK HTTP clients (one checking certificates, one for
 * insecure registries), the challenges each endpoint answered and a token cache, shared by every
 * pull, push and login. Thread-safe.
 */
public final class RegistryClient {
  /**
   * @param maxAttempts tries of one blob download before giving up (dockerd's {@code
   *     --max-download-attempts}, 5 by default)
   * @param retryDelay the pause before the second try; each later one waits that much longer
   * @param stallTimeout a blob that sends nothing for this long counts as a dropped connection
   */
  public record Options(int maxAttempts, Duration retryDelay, Duration stallTimeout) {
    public static Options defaults() {
      return new Options(5, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
  }

  private final RegistryHosts hosts;
  private final Options options;
  /** Made at first use: an HTTP client (TLS set-up included) costs berthd ~100 ms of its start. */
  private volatile HttpClient verifying;
  private volatile HttpClient insecure;
  private final TokenCache tokens = new TokenCache();
  private final Map<String, List<Challenge>> challenges = new ConcurrentHashMap<>();
  private final Map<String, Boolean> httpsRefused = new ConcurrentHashMap<>();
  private final Watchdog watchdog;

  public RegistryClient(RegistryHosts hosts, Options options) {
    this.hosts = hosts;
    this.options = options;
    this.watchdog = new Watchdog(options.stallTimeout());
  }

  private static HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)) // dockerd's TLS handshake timeout; the JDK counts it in
        .executor(Executors.newVirtualThreadPerTaskExecutor());
  }

  public RegistryHosts hosts() {
    return hosts;
  }

  Options options() {
    return options;
  }

  /**
   * The endpoints of {@code domain} in the order to try them; an insecure registry that refused
   * HTTPS before is tried over HTTP first.
   */
  public List<Endpoint> endpoints(String domain) {
    List<Endpoint> all = hosts.endpoints(domain);
    if (all.size() == 2 && !all.get(0).plainHttp() && all.get(1).plainHttp()
        && httpsRefused.containsKey(domain)) {
      return List.of(all.get(1), all.get(0));
    }
    return all;
  }

  /** Remembers that an insecure registry spoke only plain HTTP. */
  void refusedHttps(Endpoint e) {
    httpsRefused.put(e.host(), Boolean.TRUE);
  }

  /**
   * A repository at one endpoint with the given credentials.
   *
   * @param actions {@code pull} or {@code pull,push}
   */
  public Repository repository(Endpoint endpoint, String path, Credentials credentials, String actions) {
    return repository(endpoint, path, credentials, actions, List.of());
  }

  /** As above, also allowed to pull from {@code mountFrom} (paths), for cross-repository mounts. */
  public Repository repository(Endpoint endpoint, String path, Credentials credentials, String actions,
      List<String> mountFrom) {
    return new Repository(this, endpoint, path, credentials == null ? Credentials.ANONYMOUS : credentials,
        actions, mountFrom);
  }

  /** For a login: no repository, and a token asked for offline access so that a refresh token comes back. */
  public Repository login(Endpoint endpoint, Credentials credentials) {
    return new Repository(this, endpoint, "", credentials, null, List.of());
  }

  HttpClient http(Endpoint e) {
    return e.verifyTls() ? verifying() : insecure();
  }

  private HttpClient verifying() {
    HttpClient c = verifying;
    if (c == null) {
      synchronized (this) {
        if (verifying == null) {
          verifying = builder().build();
        }
        c = verifying;
      }
    }
    return c;
  }

  private HttpClient insecure() {
    HttpClient c = insecure;
    if (c == null) {
      synchronized (this) {
        if (insecure == null) {
          insecure = builder().sslContext(trustAll()).build();
        }
        c = insecure;
      }
    }
    return c;
  }

  TokenCache tokens() {
    return tokens;
  }

  Map<String, List<Challenge>> challenges() {
    return challenges;
  }

  Watchdog watchdog() {
    return watchdog;
  }

  /** For insecure registries: any certificate, any name, as Docker's InsecureSkipVerify. */
  private static SSLContext trustAll() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An extended trust manager, so that the JDK does not wrap it with its own host name check.
   */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, java.net.Socket s) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, java.net.Socket s) {}

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
