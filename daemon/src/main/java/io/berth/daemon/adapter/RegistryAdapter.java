package io.berth.daemon.adapter;

import io.berth.api.server.backend.RegistryAuth;
import io.berth.api.server.backend.RegistryBackend;
import io.berth.common.error.EngineException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.SystemException;
import io.berth.common.error.UnauthorizedException;
import io.berth.registry.Credentials;
import io.berth.registry.Endpoint;
import io.berth.registry.RegistryClient;
import io.berth.registry.RegistryException;
import io.berth.registry.RegistryHosts;
import io.berth.registry.Repository;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Logins, checked against the registry as dockerd checks them. */
public final class RegistryAdapter implements RegistryBackend {
  private final RegistryClient registry;

  public RegistryAdapter(RegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public LoginResult login(RegistryAuth auth) {
    String domain = domainOf(auth.serverAddress());
    List<Endpoint> endpoints = registry.hosts().endpoints(domain).stream().filter(e -> !e.mirror()).toList();
    Credentials c = new Credentials(auth.username(), auth.password(), auth.identityToken(), auth.registryToken());
    EngineException last = new SystemException("no endpoints found for " + domain);
    for (Endpoint e : endpoints) {
      String url = e.base() + "/v2/";
      Repository login = registry.login(e, c);
      try {
        int status = login.ping();
        if (status == 200) {
          return new LoginResult("Login Succeeded", login.refreshToken());
        }
        last = new SystemException("login attempt to " + url + " failed with status: " + status + " "
            + RegistryException.reason(status));
      } catch (Repository.EndpointException ex) {
        last = new SystemException("Get \"" + url + "\": " + ex.getCause().getMessage(), ex);
      } catch (RegistryException ex) {
        // the token server turned the credentials down: that is the answer, no other endpoint asked
        if (ex.status() == 401 || ex.is("UNAUTHORIZED")) {
          throw new UnauthorizedException("Get \"" + url + "\": " + ex.getMessage(), ex);
        }
        last = new SystemException("Get \"" + url + "\": " + ex.getMessage(), ex);
      } catch (IOException ex) {
        last = new SystemException("Get \"" + url + "\": " + ex.getMessage(), ex);
      }
    }
    throw last;
  }

  @Override
  public List<SearchResult> search(String term, int limit, RegistryAuth auth) {
    String domain = RegistryHosts.HUB_DOMAIN;
    String query = term;
    int slash = term.indexOf('/');
    if (slash > 0) {
      String first = term.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        domain = first;
        query = term.substring(slash + 1);
      }
    }
    if (domain.equals(RegistryHosts.HUB_DOMAIN) && query.startsWith("library/")) {
      query = query.substring("library/".length());
    }
    Credentials c = new Credentials(auth.username(), auth.password(), auth.identityToken(), auth.registryToken());
    try {
      return io.berth.registry.Search.search(registry, domain, query, limit, c).stream()
          .map(r -> new SearchResult(r.name(), r.description(), r.starCount(), r.official(), r.automated()))
          .toList();
    } catch (RegistryException e) {
      throw new SystemException(e.getMessage(), e);
    } catch (IOException e) {
      throw new SystemException(e.getMessage(), e);
    }
  }

  /**
   * The registry a login names, as dockerd reads {@code serveraddress}: a URL or a bare host, Docker
   * Hub when empty or {@code index.docker.io}.
   */
  static String domainOf(String serverAddress) {
    String s = serverAddress == null || serverAddress.isEmpty() ? RegistryHosts.HUB_AUTH_KEY : serverAddress;
    if (!s.startsWith("https://") && !s.startsWith("http://")) {
      s = "https://" + s;
    }
    String host;
    try {
      host = URI.create(s).getRawAuthority();
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("unable to parse server address: " + e.getMessage());
    }
    if (host == null || host.isEmpty()) {
      throw new InvalidParameterException("unable to parse server address: " + serverAddress);
    }
    return host.equals("index.docker.io") || host.equals("registry-1.docker.io") ? RegistryHosts.HUB_DOMAIN : host;
  }
}
