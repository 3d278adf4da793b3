/**
 * What Berth knows of layers in registries: for each layer's diffID, the compressed blobs it was
 * pulled as or pushed as, and in which repositories, so that a pull skips what it has and a push
 * sends no layer the registry already holds.
 */
package io.berth.image.distribution;
