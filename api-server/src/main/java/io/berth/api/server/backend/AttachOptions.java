package io.berth.api.server.backend;

/**
 * {@code POST /containers/{id}/attach}: which streams, whether past output is replayed, and the
 * keys that detach from a terminal (empty: the default).
 */
public record AttachOptions(boolean stream, boolean logs, boolean stdin, boolean stdout, boolean stderr,
    String detachKeys) {}
