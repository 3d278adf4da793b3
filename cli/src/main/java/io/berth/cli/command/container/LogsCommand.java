package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.client.Containers;
import io.berth.client.StdCopy;
import java.io.InputStream;
import java.time.Instant;

/** {@code berth logs}: stream a container's output, demultiplexed unless it has a TTY. */
public final class LogsCommand extends Command {
  public LogsCommand() {
    flags.bool(null, "details", "Show extra details provided to logs")
        .bool("f", "follow", "Follow log output")
        .string(null, "since", "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)")
        .value("n", "tail", "string", "\"all\"", "Number of lines to show from the end of the logs")
        .bool("t", "timestamps", "Show timestamps")
        .string(null, "until", "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER";
  }

  @Override
  public String description() {
    return "Fetch the logs of a container";
  }

  @Override
  public String aliases() {
    return "berth container logs, berth logs";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) throws Exception {
    Object c = JsonValues.parse(cli.client().containers().inspectRaw(p.args().getFirst(), false));
    String id = JsonValues.string(c, "Id");
    if (id.isEmpty()) {
      id = p.args().getFirst();
    }
    boolean tty = JsonValues.bool(c, "Config", "Tty");
    Instant now = Instant.now();
    String since = timestamp(p.string("since", ""), now, "since");
    String until = timestamp(p.string("until", ""), now, "until");
    Containers.LogsOptions o = new Containers.LogsOptions(p.bool("follow"), p.string("tail", "all"),
        p.bool("timestamps"), since, until, p.bool("details"));
    try (InputStream in = cli.client().containers().logs(id, o)) {
      if (tty) {
        StdCopy.copyRaw(in, cli.out());
      } else {
        StdCopy.demux(in, cli.out(), cli.err());
      }
    }
    return 0;
  }

  private static String timestamp(String value, Instant now, String name) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Timestamps.toApi(value, now);
    } catch (IllegalArgumentException e) {
      throw new StatusError("invalid value for \"" + name + "\": " + e.getMessage(), 1);
    }
  }
}
