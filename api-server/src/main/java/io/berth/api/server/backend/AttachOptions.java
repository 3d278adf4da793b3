package io.berth.api.server.backend;

/** {@code POST /containers/{id}/attach}: which streams, and whether past output is replayed. */
public record AttachOptions(boolean stream, boolean logs, boolean stdin, boolean stdout, boolean stderr) {}
