/**
 * Pulling images from registries into the image store: manifest and platform resolution, layers
 * downloaded in parallel and unpacked while they arrive, each verified against its digest before
 * it is committed, in order, on top of the one below.
 */
package io.berth.image.pull;
