package io.berth.daemon.stream;

import io.berth.api.server.backend.OutputSink;
import io.berth.runtime.log.LogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes log entries to a client as Docker does: stream by stream, optionally time-stamped. */
final class LogCopier {
  private static final DateTimeFormatter NANOS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

  private final OutputSink sink;
  private final boolean stdout;
  private final boolean stderr;
  private final boolean timestamps;

  LogCopier(OutputSink sink, boolean stdout, boolean stderr, boolean timestamps) {
    this.sink = sink;
    this.stdout = stdout;
    this.stderr = stderr;
    this.timestamps = timestamps;
  }

  boolean write(LogEntry e) throws IOException {
    if (e.stderr() ? !stderr : !stdout) {
      return true;
    }
    byte[] payload = e.payload();
    if (timestamps) {
      byte[] ts = (NANOS.format(e.time()) + " ").getBytes(StandardCharsets.US_ASCII);
      byte[] b = new byte[ts.length + payload.length];
      System.arraycopy(ts, 0, b, 0, ts.length);
      System.arraycopy(payload, 0, b, ts.length, payload.length);
      payload = b;
    }
    sink.write(e.stderr() ? OutputSink.Stream.STDERR : OutputSink.Stream.STDOUT, payload, 0, payload.length);
    return true;
  }

  void flush() throws IOException {
    sink.flush();
  }

  static boolean inRange(LogEntry e, Instant since, Instant until) {
    return (since == null || !e.time().isBefore(since)) && (until == null || !e.time().isAfter(until));
  }
}
