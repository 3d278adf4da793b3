/**
 * The image store facade, {@link io.berth.image.ImageService}: import, inspect, list, tag and
 * remove images, bootstrap base images from the host, and hand out container root filesystems. The
 * on-disk layout is documented in {@link io.berth.image.ImagePaths}. Depends on the subpackages,
 * {@code io.berth.common} and {@code io.berth.linux}; nothing here knows about HTTP.
 */
package io.berth.image;
