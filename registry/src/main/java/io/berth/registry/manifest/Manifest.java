package io.berth.registry.manifest;

import java.util.List;

/** A parsed manifest: one image, or an index of per-platform images. */
public sealed interface Manifest permits Manifest.Image, Manifest.Index {
  String mediaType();

  /** Docker schema2 or OCI image manifest: a config and its layers, bottom first. */
  record Image(String mediaType, Descriptor config, List<Descriptor> layers) implements Manifest {}

  /** Docker manifest list or OCI index. */
  record Index(String mediaType, List<Descriptor> manifests) implements Manifest {}
}
