/**
 * The run configuration an image carries (Docker's container-config subset of the OCI image config)
 * and the Dockerfile-like {@code --change} lines that edit it on import and commit. Pure value
 * code; depends only on {@code io.berth.common} and Jackson annotations.
 */
package io.berth.image.config;
