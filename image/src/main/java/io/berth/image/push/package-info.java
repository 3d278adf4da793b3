/**
 * Pushing images to registries: each layer skipped, mounted or uploaded as dockerd decides, the
 * config, then the manifest under its tag.
 */
package io.berth.image.push;
