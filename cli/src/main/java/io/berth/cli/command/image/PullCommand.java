package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.ImageRef;
import io.berth.cli.flags.Parsed;

/** {@code berth pull NAME}: asks the daemon to pull; progress on stdout, then the reference. */
public final class PullCommand extends Command {
  public PullCommand() {
    flags.bool("a", "all-tags", "Download all tagged images in the repository")
        .string(null, "platform", "Set platform if server is multi-platform capable")
        .bool("q", "quiet", "Suppress verbose output");
  }

  @Override
  public String use() {
    return "[OPTIONS] NAME[:TAG|@DIGEST]";
  }

  @Override
  public String description() {
    return "Download an image from a registry";
  }

  @Override
  public String aliases() {
    return "berth image pull, berth pull";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    if (p.bool("all-tags")) {
      throw new io.berth.cli.StatusError("berth does not support --all-tags yet", 1);
    }
    ImageRef ref = ImageRef.parse(p.args().getFirst());
    String tag = ref.digest() != null ? ref.digest() : ref.tagOrLatest();
    boolean quiet = p.bool("quiet");
    if (!quiet && ref.tag() == null && ref.digest() == null) {
      cli.out().println("Using default tag: latest");
    }
    String platform = p.string("platform", "");
    String auth = io.berth.cli.auth.DockerConfig.load(cli.env())
        .registryAuth(io.berth.cli.auth.DockerConfig.serverKey(ref.domain()));
    cli.client().images().pull(ref.fullName(), tag, platform == null ? "" : platform, auth,
        quiet ? m -> { } : Progress.to(cli));
    cli.out().println(ref.fullName() + (ref.digest() != null ? "@" + ref.digest() : ":" + tag));
    return 0;
  }
}
