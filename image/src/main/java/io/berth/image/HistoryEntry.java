package io.berth.image;

import java.time.Instant;

/**
 * One step of an image's history, newest first: what made it, when, and the size of the layer it
 * added (0 for a step that changed only the config).
 */
public record HistoryEntry(Instant created, String createdBy, String comment, long size) {}
