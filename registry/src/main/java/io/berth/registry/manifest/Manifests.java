package io.berth.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Parses manifests and picks an index's entry for a platform. */
public final class Manifests {
  /** As containerd: no real manifest comes near this, and it bounds what a registry can make us hold. */
  public static final int MAX_SIZE = 4 << 20;

  static final String SCHEMA1_REFUSED =
      "Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed."
          + " Suggest the author of %s to upgrade the image to the OCI Format or Docker Image manifest"
          + " v2, schema 2. More information at https://docs.docker.com/go/deprecated-image-specs/";

  private Manifests() {}

  /**
   * Parses a manifest whose response said {@code contentType}; the document's own {@code
   * mediaType} wins when present, as OCI manifests may be served as plain JSON.
   *
   * @param ref the reference as the user wrote it, for error messages
   */
  public static Manifest parse(byte[] body, String contentType, String ref) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid manifest for " + ref + ": " + e.getMessage());
    }
    if (doc == null || !doc.isObject()) {
      throw new InvalidParameterException("invalid manifest for " + ref + ": not a JSON object");
    }
    if (doc.path("schemaVersion").asInt() == 1
        || MediaTypes.DOCKER_SCHEMA1.equals(contentType)
        || MediaTypes.DOCKER_SCHEMA1_SIGNED.equals(contentType)) {
      throw new InvalidParameterException(String.format(SCHEMA1_REFUSED, ref));
    }
    String mediaType = doc.path("mediaType").asText("");
    if (mediaType.isEmpty()) {
      mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
    }
    if (mediaType.isEmpty() || mediaType.equals("application/json")) {
      mediaType = doc.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    }
    try {
      return switch (mediaType) {
        case MediaTypes.DOCKER_MANIFEST, MediaTypes.OCI_MANIFEST -> image(doc, mediaType, ref);
        case MediaTypes.DOCKER_LIST, MediaTypes.OCI_INDEX ->
            new Manifest.Index(mediaType, descriptors(doc.path("manifests")));
        default ->
            throw new InvalidParameterException(
                "unsupported manifest media type and no default available: " + mediaType);
      };
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid manifest for " + ref + ": " + e.getMessage());
    }
  }

  private static Manifest.Image image(JsonNode doc, String mediaType, String ref) {
    JsonNode config = doc.path("config");
    if (!config.isObject()) {
      throw new InvalidParameterException("invalid manifest for " + ref + ": no config");
    }
    Descriptor c = descriptor(config);
    List<Descriptor> layers = descriptors(doc.path("layers"));
    for (Descriptor l : layers) {
      if (!MediaTypes.LAYERS.contains(l.mediaType())) {
        throw new InvalidParameterException("unsupported media type " + l.mediaType());
      }
    }
    return new Manifest.Image(mediaType, c, layers);
  }

  private static List<Descriptor> descriptors(JsonNode array) {
    List<Descriptor> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(descriptor(n));
    }
    return out;
  }

  private static Descriptor descriptor(JsonNode n) {
    Descriptor d = Json.mapper().convertValue(n, Descriptor.class);
    d.parsedDigest();
    if (d.size() < 0) {
      throw new IllegalArgumentException("negative size for " + d.digest());
    }
    return d;
  }

  /**
   * The index entry for {@code platform}: the first exact match, as Docker picks. Attestation
   * entries (platform unknown/unknown) never match.
   */
  public static Descriptor select(Manifest.Index index, Platform platform) {
    for (Descriptor d : index.manifests()) {
      if (platform.matches(d.platform())) {
        return d;
      }
    }
    throw new NotFoundException(
        "no matching manifest for " + platform + " in the manifest list entries");
  }
}
