package io.berth.client;

import io.berth.http.client.HijackedConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** An attached container stream: raw bytes both ways after the HTTP upgrade. */
public final class Attachment implements AutoCloseable {
  private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";

  private final HijackedConnection connection;

  Attachment(HijackedConnection connection) {
    this.connection = connection;
  }

  /** True when output arrives as stdcopy frames; false for a raw (TTY) stream. */
  public boolean multiplexed() {
    String ct = connection.header("Content-Type");
    return ct != null && ct.startsWith(MULTIPLEXED);
  }

  public InputStream output() {
    return connection.in();
  }

  public OutputStream input() {
    return connection.out();
  }

  /** Half-closes towards the daemon: the container's stdin sees end of file. */
  public void closeInput() {
    try {
      connection.shutdownOutput();
    } catch (Exception e) {
      // The container may already be gone; the output side decides how the run ends.
    }
  }

  /** Copies output to the two streams until the daemon closes it. */
  public void copyOutput(OutputStream stdout, OutputStream stderr) throws IOException {
    if (multiplexed()) {
      StdCopy.demux(output(), stdout, stderr);
    } else {
      StdCopy.copyRaw(output(), stdout);
    }
  }

  @Override
  public void close() {
    DockerClient.closeQuietly(connection);
  }
}
