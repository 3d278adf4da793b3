/**
 * File helpers: atomic writes (temp file, fsync, rename) and recursive deletion that never follows symlinks.
 */
package io.berth.common.io;
