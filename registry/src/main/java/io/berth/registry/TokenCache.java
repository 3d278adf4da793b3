package io.berth.registry;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by realm, service, scope and credentials, kept until a little before they
 * expire, so that consecutive pulls and pushes of one repository ask the token server once.
 */
final class TokenCache {
  /** A token and when it stops being used. */
  record Token(String token, Instant expires) {}

  private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();

  static String key(String realm, String service, String scope, Credentials c) {
    return realm + "\0" + service + "\0" + scope + "\0" + c.fingerprint();
  }

  Token get(String key) {
    Token t = tokens.get(key);
    if (t == null) {
      return null;
    }
    if (Instant.now().isAfter(t.expires())) {
      tokens.remove(key, t);
      return null;
    }
    return t;
  }

  void put(String key, Token t) {
    if (tokens.size() > 1000) {
      tokens.clear(); // a bound, not a policy: tokens are cheap to fetch again
    }
    tokens.put(key, t);
  }
}
