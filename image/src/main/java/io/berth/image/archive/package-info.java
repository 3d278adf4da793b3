/**
 * Tar streams in and out: detection of compressed input, safe extraction of untrusted layer tars
 * (no path traversal, no writes through symlinks, no device nodes, overlayfs whiteouts), and the
 * tar writer used to pack a directory tree. Depends on {@code io.berth.common}, {@code
 * io.berth.linux} (mknod, xattrs) and commons-compress.
 */
package io.berth.image.archive;
