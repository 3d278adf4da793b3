/**
 * Manifests as registries serve them: Docker schema2 and OCI image manifests, manifest lists and
 * OCI indexes, parsed into one model and refused with Docker's words when they are of a kind Berth
 * does not pull (schema1, unknown media types).
 */
package io.berth.registry.manifest;
