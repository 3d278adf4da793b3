/**
 * Volumes of the local driver: a directory per volume under the data root, its metadata written
 * atomically beside its data, and the tree copy that fills a new volume from an image.
 */
package io.berth.volume;
