/**
 * A client of the distribution API (OCI distribution spec v1.1, Docker registry v2) on the JDK's
 * HTTP client: endpoints (mirrors, insecure registries), the Basic and Bearer token flows,
 * manifests, blobs that resume where a dropped connection left them, and uploads. It knows
 * nothing of images or layers on disk; {@code io.berth.image.pull} does.
 */
package io.berth.registry;
