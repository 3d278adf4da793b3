package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.command.ImageRef;
import io.berth.cli.flags.Parsed;
import java.util.List;

/** {@code berth commit}: an image of a container's changes; prints its id. */
public final class CommitCommand extends Command {
  public CommitCommand() {
    flags.string("a", "author", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
        .list("c", "change", "Apply Dockerfile instruction to the created image")
        .string("m", "message", "Commit message")
        .value("p", "pause", "", "true", "Pause container during commit");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]";
  }

  @Override
  public String description() {
    return "Create a new image from a container's changes";
  }

  @Override
  public String aliases() {
    return "berth container commit, berth commit";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.between(1, 2);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String repo = "";
    String tag = "";
    if (p.args().size() == 2) {
      ImageRef ref = ImageRef.parse(p.args().get(1));
      if (ref.digest() != null) {
        throw new StatusError("refusing to create a tag with a digest reference", 1);
      }
      repo = ref.fullName();
      tag = ref.tag() == null ? "" : ref.tag();
    }
    String pause = p.string("pause", "true");
    List<String> changes = p.list("change");
    String id = cli.client().containers().commit(p.args().getFirst(), repo, tag, p.string("message", ""),
        p.string("author", ""), !pause.equals("false"), changes);
    cli.out().println(id);
    return 0;
  }
}
