/**
 * Base images made from the host instead of a registry: a busybox rootfs from the host's static
 * busybox, and a Debian rootfs from {@code debootstrap}. Produces tar streams only; importing them
 * is the image service's job. Depends on {@code io.berth.common}, {@code io.berth.image.archive}
 * and {@code io.berth.image.layer} (mount table cleanup).
 */
package io.berth.image.bootstrap;
