package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.command.ImageRef;
import io.berth.cli.flags.Parsed;

/** {@code berth tag SOURCE TARGET}; sends the target normalised, as docker's client does. */
public final class TagCommand extends Command {
  @Override
  public String use() {
    return "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]";
  }

  @Override
  public String description() {
    return "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE";
  }

  @Override
  public String aliases() {
    return "berth image tag, berth tag";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(2);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String target = p.args().get(1);
    ImageRef ref = ImageRef.parse(target);
    if (ref.digest() != null) {
      throw new StatusError("refusing to create a tag with a digest reference", 1);
    }
    String name = ref.path();
    if (!name.equals(name.toLowerCase(java.util.Locale.ROOT)) || name.isEmpty()) {
      throw new StatusError("invalid reference format: repository name (" + name + ") must be lowercase", 1);
    }
    cli.client().images().tag(p.args().getFirst(), ref.fullName(), ref.tagOrLatest());
    return 0;
  }
}
