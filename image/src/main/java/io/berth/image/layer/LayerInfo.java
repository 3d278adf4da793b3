package io.berth.image.layer;

/**
 * The record in {@code layer.json} of an unpacked layer.
 *
 * @param parent the chain id of the layer below, or null for a base layer
 * @param size bytes of regular file content in this layer alone
 * @param tarSize bytes of the layer's uncompressed tar (its diffID's content); 0 when unknown, as
 *     in layers stored before it was recorded
 */
public record LayerInfo(String diffId, String chainId, String parent, long size, long tarSize) {}
