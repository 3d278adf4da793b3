package io.berth.registry.manifest;

import java.util.List;
import java.util.Set;

/** The media types of the distribution and OCI image specs that Berth reads and writes. */
public final class MediaTypes {
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
  public static final String DOCKER_SCHEMA1_SIGNED =
      "application/vnd.docker.distribution.manifest.v1+prettyjws";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  public static final String DOCKER_LAYER_FOREIGN =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
  public static final String DOCKER_LAYER_ZSTD = "application/vnd.docker.image.rootfs.diff.tar.zstd";
  public static final String DOCKER_LAYER_TAR = "application/vnd.docker.image.rootfs.diff.tar";

  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
  public static final String OCI_LAYER_NONDIST = "application/vnd.oci.image.layer.nondistributable.v1.tar";
  public static final String OCI_LAYER_NONDIST_GZIP =
      "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
  public static final String OCI_LAYER_NONDIST_ZSTD =
      "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

  /** What a manifest request accepts, in Docker's order of preference. */
  public static final List<String> MANIFEST_ACCEPT =
      List.of(DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX, DOCKER_SCHEMA1_SIGNED, "application/json");

  static final Set<String> LAYERS =
      Set.of(
          DOCKER_LAYER_GZIP, DOCKER_LAYER_FOREIGN, DOCKER_LAYER_ZSTD, DOCKER_LAYER_TAR,
          OCI_LAYER, OCI_LAYER_GZIP, OCI_LAYER_ZSTD,
          OCI_LAYER_NONDIST, OCI_LAYER_NONDIST_GZIP, OCI_LAYER_NONDIST_ZSTD);

  static final Set<String> FOREIGN =
      Set.of(DOCKER_LAYER_FOREIGN, OCI_LAYER_NONDIST, OCI_LAYER_NONDIST_GZIP, OCI_LAYER_NONDIST_ZSTD);

  private MediaTypes() {}

  /** Whether layers of this type may come from URLs outside the registry. */
  public static boolean isForeign(String mediaType) {
    return FOREIGN.contains(mediaType);
  }
}
