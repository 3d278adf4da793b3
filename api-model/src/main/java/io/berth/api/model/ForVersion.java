package io.berth.api.model;

/**
 * A response body whose values, not only its fields, differ by API version (dockerd 28 rewrites a
 * few of them for older clients). Which fields a version has is declared with {@link AddedIn} and
 * {@link RemovedIn}; this is for the rest.
 */
public interface ForVersion<T> {
  /** This body as a client speaking {@code version} is answered. */
  T forVersion(ApiVersion version);
}
