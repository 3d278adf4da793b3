package io.berth.image;

/** A container created from an image. */
public record ImageUser(String containerId, boolean running) {}
