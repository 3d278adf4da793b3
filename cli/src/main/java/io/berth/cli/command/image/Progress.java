package io.berth.cli.command.image;

import io.berth.api.model.stream.JsonMessage;
import io.berth.api.model.stream.JsonProgress;
import io.berth.cli.Cli;
import io.berth.cli.Terminal;
import io.berth.client.JsonMessages;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows a progress stream as docker does. Off a terminal, one line per status and no counts. On
 * one, each layer keeps a line of its own that is redrawn in place (cursor up, erase, rewrite,
 * cursor down), with a bar when the terminal is wider than 110 columns.
 */
final class Progress implements Consumer<JsonMessage> {
  private static final String ESC = "\u001b[";
  private final PrintStream out;
  private final boolean terminal;
  private final int width;
  private final LongSupplier nowMillis;
  /** Layer id to its line, counted from the first progress line since the last plain one. */
  private final Map<String, Integer> lines = new HashMap<>();

  Progress(PrintStream out, boolean terminal, int width, LongSupplier nowMillis) {
    this.out = out;
    this.terminal = terminal;
    this.width = width;
    this.nowMillis = nowMillis;
  }

  /** For the CLI's standard output: live on a terminal, plain lines otherwise. */
  static Consumer<JsonMessage> to(Cli cli) {
    boolean tty = Terminal.isTerminal(cli);
    return new Progress(cli.out(), tty, tty ? Terminal.width() : JsonProgress.NO_TERMINAL_WIDTH,
        System::currentTimeMillis);
  }

  /** Plain lines whatever the output is. */
  static Consumer<JsonMessage> plain(PrintStream out) {
    return m -> {
      String line = JsonMessages.display(m);
      if (line != null) {
        out.print(line);
        out.flush();
      }
    };
  }

  @Override
  public void accept(JsonMessage m) {
    if (m.aux() != null) {
      return;
    }
    if (!terminal) {
      plain(out).accept(m);
      return;
    }
    StringBuilder sb = new StringBuilder();
    boolean hasId = m.id() != null && !m.id().isEmpty();
    int diff = 0;
    if (hasId && m.progressDetail() != null) {
      Integer line = lines.get(m.id());
      if (line == null) {
        line = lines.size();
        lines.put(m.id(), line);
        sb.append('\n');
      }
      diff = lines.size() - line;
      if (diff > 0) {
        sb.append(ESC).append(diff).append('A');
      }
    } else {
      // a line that is not a layer's ends the lines being redrawn, as in docker
      lines.clear();
    }
    line(sb, m);
    if (hasId && diff > 0) {
      sb.append(ESC).append(diff).append('B');
    }
    out.print(sb);
    out.flush();
  }

  /** docker's JSONMessage.Display on a terminal. */
  private void line(StringBuilder sb, JsonMessage m) {
    boolean isProgress = m.progressDetail() != null;
    String endl = "";
    if ((m.stream() == null || m.stream().isEmpty()) && isProgress) {
      sb.append(ESC).append("2K\r");
      endl = "\r";
    }
    if (m.id() != null && !m.id().isEmpty()) {
      sb.append(m.id()).append(": ");
    }
    String status = m.status() == null ? "" : m.status();
    if (isProgress) {
      sb.append(status).append(' ')
          .append(JsonProgress.of(m.progressDetail()).text(width, nowMillis.getAsLong())).append(endl);
    } else if (m.stream() != null && !m.stream().isEmpty()) {
      sb.append(m.stream()).append(endl);
    } else {
      sb.append(status).append(endl).append('\n');
    }
  }
}
