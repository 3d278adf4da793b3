package io.berth.cli.command.container;

import io.berth.api.model.container.ContainerCreateResponse;
import io.berth.cli.Cli;
import io.berth.cli.command.ImageRef;
import io.berth.cli.flags.Parsed;
import io.berth.client.JsonMessages;
import io.berth.common.error.NotFoundException;

/** docker's createContainer: create, and on a missing image pull it and try once more. */
final class CreateFlow {
  private CreateFlow() {}

  static String create(Cli cli, Parsed p, byte[] body) {
    String pull = p.string("pull", "missing");
    boolean quiet = p.bool("quiet");
    String image = p.args().getFirst();
    String name = p.string("name", null);
    if (pull.equals("always")) {
      pull(cli, image, quiet);
    }
    ContainerCreateResponse r;
    try {
      r = cli.client().containers().create(name, body);
    } catch (NotFoundException e) {
      if (!pull.equals("missing")) {
        throw e;
      }
      if (!quiet) {
        cli.err().println("Unable to find image '" + ImageRef.parse(image).familiarWithTag() + "' locally");
      }
      pull(cli, image, quiet);
      r = cli.client().containers().create(name, body);
    }
    if (r.warnings() != null) {
      for (String w : r.warnings()) {
        cli.err().println("WARNING: " + w);
      }
    }
    return r.id();
  }

  /** Pulls with progress on stderr, since stdout is reserved for the container id or output. */
  static void pull(Cli cli, String image, boolean quiet) {
    ImageRef ref = ImageRef.parse(image);
    String tag = ref.digest() != null ? ref.digest() : ref.tagOrLatest();
    cli.client().images().pull(ref.fullName(), tag, m -> {
      String line = JsonMessages.display(m);
      if (line != null && !quiet) {
        cli.err().print(line);
        cli.err().flush();
      }
    });
  }

  static void validatePull(String pull) throws ContainerOptions.Invalid {
    switch (pull) {
      case "always", "missing", "never", "" -> {}
      default -> throw new ContainerOptions.Invalid("invalid pull option: '" + pull
          + "': must be one of \"always\", \"missing\" or \"never\"");
    }
  }
}
