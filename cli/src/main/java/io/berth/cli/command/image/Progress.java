package io.berth.cli.command.image;

import io.berth.api.model.stream.JsonMessage;
import io.berth.client.JsonMessages;
import java.io.PrintStream;
import java.util.function.Consumer;

/** Shows a progress stream as docker does on a non-terminal: one line per status. */
final class Progress {
  private Progress() {}

  static Consumer<JsonMessage> to(PrintStream out) {
    return m -> {
      String line = JsonMessages.display(m);
      if (line != null) {
        out.print(line);
        out.flush();
      }
    };
  }
}
