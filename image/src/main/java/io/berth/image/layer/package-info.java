/**
 * Layer storage for overlayfs: read-only layers unpacked once under their chain id and shared by
 * every image that contains them, and the per-container read-write layers that stack on top.
 * Storage only describes mounts ({@link io.berth.common.Mount}); whoever owns the mount namespace
 * performs them. Depends on {@code io.berth.common}, {@code io.berth.linux} and {@code
 * io.berth.image.archive}.
 */
package io.berth.image.layer;
