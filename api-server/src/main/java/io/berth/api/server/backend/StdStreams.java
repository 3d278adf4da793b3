package io.berth.api.server.backend;

import java.io.InputStream;

/** A client's side of an attach: its stdin (null when not attached) and where output goes. */
public record StdStreams(InputStream stdin, OutputSink output) {}
