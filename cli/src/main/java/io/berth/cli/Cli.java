package io.berth.cli;

import io.berth.client.DockerClient;
import io.berth.client.DockerHost;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** What a command works with: the standard streams, the environment and the daemon client. */
public final class Cli implements AutoCloseable {
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final String hostFlag;
  private final boolean debug;
  private DockerClient client;

  public Cli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, String hostFlag, boolean debug) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.env = env;
    this.hostFlag = hostFlag;
    this.debug = debug;
  }

  public InputStream in() {
    return in;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public Map<String, String> env() {
    return env;
  }

  public boolean debug() {
    return debug;
  }

  /** Connects lazily: commands that fail on their arguments never touch the socket. */
  public DockerClient client() {
    if (client == null) {
      DockerHost host;
      try {
        host = DockerHost.resolve(hostFlag, env);
      } catch (IllegalArgumentException e) {
        throw new StatusError(e.getMessage(), 1);
      }
      client = new DockerClient(host);
    }
    return client;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
