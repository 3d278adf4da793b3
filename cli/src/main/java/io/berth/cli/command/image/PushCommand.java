package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.auth.DockerConfig;
import io.berth.cli.command.ImageRef;
import io.berth.cli.flags.Parsed;

/** {@code berth push NAME[:TAG]}: sends an image to its registry with the stored login. */
public final class PushCommand extends Command {
  public PushCommand() {
    flags.bool("a", "all-tags", "Push all tags of an image to the repository")
        .bool(null, "disable-content-trust", "Skip image signing (default true)")
        .string(null, "platform", "Push a platform-specific manifest as a single-platform image to the registry")
        .bool("q", "quiet", "Suppress verbose output");
  }

  @Override
  public String use() {
    return "[OPTIONS] NAME[:TAG]";
  }

  @Override
  public String description() {
    return "Upload an image to a registry";
  }

  @Override
  public String aliases() {
    return "berth image push, berth push";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    if (!p.string("platform", "").isEmpty()) {
      throw new StatusError("berth does not support --platform for push yet", 1);
    }
    ImageRef ref = ImageRef.parse(p.args().getFirst());
    boolean all = p.bool("all-tags");
    if (all && ref.tag() != null) {
      throw new StatusError("tag can't be used with --all-tags/-a", 1);
    }
    String tag = all ? "" : ref.tagOrLatest();
    boolean quiet = p.bool("quiet");
    if (!all && ref.tag() == null && !quiet) {
      cli.out().println("Using default tag: latest");
    }
    String auth = DockerConfig.load(cli.env()).registryAuth(DockerConfig.serverKey(ref.domain()));
    cli.client().images().push(ref.fullName(), tag, auth, quiet ? m -> { } : Progress.to(cli));
    if (quiet) {
      cli.out().println(ref.fullName() + (all ? "" : ":" + tag));
    }
    return 0;
  }
}
