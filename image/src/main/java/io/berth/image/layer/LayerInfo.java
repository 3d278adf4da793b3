package io.berth.image.layer;

/**
 * The record in {@code layer.json} of an unpacked layer.
 *
 * @param parent the chain id of the layer below, or null for a base layer
 * @param size bytes of regular file content in this layer alone
 */
public record LayerInfo(String diffId, String chainId, String parent, long size) {}
