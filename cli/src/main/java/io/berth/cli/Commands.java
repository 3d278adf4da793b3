package io.berth.cli;

import io.berth.cli.command.container.CreateCommand;
import io.berth.cli.command.container.DiffCommand;
import io.berth.cli.command.container.ExportCommand;
import io.berth.cli.command.container.KillCommand;
import io.berth.cli.command.container.LogsCommand;
import io.berth.cli.command.container.PsCommand;
import io.berth.cli.command.container.RestartCommand;
import io.berth.cli.command.container.RmCommand;
import io.berth.cli.command.container.RunCommand;
import io.berth.cli.command.container.StartCommand;
import io.berth.cli.command.container.StopCommand;
import io.berth.cli.command.image.BootstrapCommand;
import io.berth.cli.command.image.ImagesCommand;
import io.berth.cli.command.image.ImportCommand;
import io.berth.cli.command.image.PullCommand;
import io.berth.cli.command.image.RmiCommand;
import io.berth.cli.command.image.TagCommand;
import io.berth.cli.command.system.InfoCommand;
import io.berth.cli.command.system.InspectCommand;
import io.berth.cli.command.system.VersionCommand;
import java.util.List;

/**
 * The command tree as data: which words lead to which verb. Commands are instantiated by a switch
 * so that only the one invoked is ever loaded.
 */
final class Commands {
  /** A name under a group (or at top level), its canonical id, description and extra spellings. */
  record Entry(String name, String id, String description, List<String> aliases) {
    boolean matches(String word) {
      return name.equals(word) || aliases.contains(word);
    }
  }

  static final List<Entry> TOP = List.of(
      new Entry("run", "container.run", "Create and run a new container from an image", List.of()),
      new Entry("ps", "container.ls", "List containers", List.of()),
      new Entry("pull", "image.pull", "Download an image from a registry", List.of()),
      new Entry("push", "image.push", "Upload an image to a registry", List.of()),
      new Entry("images", "image.ls", "List images", List.of()),
      new Entry("history", "image.history", "Show the history of an image", List.of()),
      new Entry("load", "image.load", "Load an image from a tar archive or STDIN", List.of()),
      new Entry("save", "image.save", "Save one or more images to a tar archive (streamed to STDOUT by default)", List.of()),
      new Entry("search", "registry.search", "Search Docker Hub for images", List.of()),
      new Entry("login", "registry.login", "Authenticate to a registry", List.of()),
      new Entry("logout", "registry.logout", "Log out from a registry", List.of()),
      new Entry("version", "system.version", "Show the Berth version information", List.of()),
      new Entry("info", "system.info", "Display system-wide information", List.of()),
      new Entry("attach", "container.attach", "Attach local standard input, output, and error streams to a running container", List.of()),
      new Entry("commit", "container.commit", "Create a new image from a container's changes", List.of()),
      new Entry("cp", "container.cp", "Copy files/folders between a container and the local filesystem", List.of()),
      new Entry("create", "container.create", "Create a new container", List.of()),
      new Entry("diff", "container.diff", "Inspect changes to files or directories on a container's filesystem", List.of()),
      new Entry("events", "system.events", "Get real time events from the server", List.of()),
      new Entry("exec", "container.exec", "Execute a command in a running container", List.of()),
      new Entry("export", "container.export", "Export a container's filesystem as a tar archive", List.of()),
      new Entry("import", "image.import", "Import the contents from a tarball to create a filesystem image", List.of()),
      new Entry("inspect", "system.inspect", "Return low-level information on Berth objects", List.of()),
      new Entry("kill", "container.kill", "Kill one or more running containers", List.of()),
      new Entry("logs", "container.logs", "Fetch the logs of a container", List.of()),
      new Entry("pause", "container.pause", "Pause all processes within one or more containers", List.of()),
      new Entry("port", "container.port", "List port mappings or a specific mapping for the container", List.of()),
      new Entry("rename", "container.rename", "Rename a container", List.of()),
      new Entry("restart", "container.restart", "Restart one or more containers", List.of()),
      new Entry("rm", "container.rm", "Remove one or more containers", List.of()),
      new Entry("rmi", "image.rm", "Remove one or more images", List.of()),
      new Entry("start", "container.start", "Start one or more stopped containers", List.of()),
      new Entry("stats", "container.stats", "Display a live stream of container(s) resource usage statistics", List.of()),
      new Entry("stop", "container.stop", "Stop one or more running containers", List.of()),
      new Entry("tag", "image.tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE", List.of()),
      new Entry("top", "container.top", "Display the running processes of a container", List.of()),
      new Entry("unpause", "container.unpause", "Unpause all processes within one or more containers", List.of()),
      new Entry("update", "container.update", "Update configuration of one or more containers", List.of()),
      new Entry("wait", "container.wait", "Block until one or more containers stop, then print their exit codes", List.of()));

  static final List<Entry> CONTAINER = List.of(
      new Entry("attach", "container.attach", "Attach local standard input, output, and error streams to a running container", List.of()),
      new Entry("commit", "container.commit", "Create a new image from a container's changes", List.of()),
      new Entry("cp", "container.cp", "Copy files/folders between a container and the local filesystem", List.of()),
      new Entry("create", "container.create", "Create a new container", List.of()),
      new Entry("diff", "container.diff", "Inspect changes to files or directories on a container's filesystem", List.of()),
      new Entry("exec", "container.exec", "Execute a command in a running container", List.of()),
      new Entry("export", "container.export", "Export a container's filesystem as a tar archive", List.of()),
      new Entry("inspect", "container.inspect", "Display detailed information on one or more containers", List.of()),
      new Entry("kill", "container.kill", "Kill one or more running containers", List.of()),
      new Entry("logs", "container.logs", "Fetch the logs of a container", List.of()),
      new Entry("ls", "container.ls", "List containers", List.of("list", "ps")),
      new Entry("pause", "container.pause", "Pause all processes within one or more containers", List.of()),
      new Entry("port", "container.port", "List port mappings or a specific mapping for the container", List.of()),
      new Entry("prune", "container.prune", "Remove all stopped containers", List.of()),
      new Entry("rename", "container.rename", "Rename a container", List.of()),
      new Entry("restart", "container.restart", "Restart one or more containers", List.of()),
      new Entry("rm", "container.rm", "Remove one or more containers", List.of("remove")),
      new Entry("run", "container.run", "Create and run a new container from an image", List.of()),
      new Entry("start", "container.start", "Start one or more stopped containers", List.of()),
      new Entry("stats", "container.stats", "Display a live stream of container(s) resource usage statistics", List.of()),
      new Entry("stop", "container.stop", "Stop one or more running containers", List.of()),
      new Entry("top", "container.top", "Display the running processes of a container", List.of()),
      new Entry("unpause", "container.unpause", "Unpause all processes within one or more containers", List.of()),
      new Entry("update", "container.update", "Update configuration of one or more containers", List.of()),
      new Entry("wait", "container.wait", "Block until one or more containers stop, then print their exit codes", List.of()));

  static final List<Entry> IMAGE = List.of(
      new Entry("bootstrap", "image.bootstrap", "Build a base image (busybox, debian:bookworm) without a registry", List.of()),
      new Entry("history", "image.history", "Show the history of an image", List.of()),
      new Entry("import", "image.import", "Import the contents from a tarball to create a filesystem image", List.of()),
      new Entry("inspect", "image.inspect", "Display detailed information on one or more images", List.of()),
      new Entry("ls", "image.ls", "List images", List.of("list")),
      new Entry("pull", "image.pull", "Download an image from a registry", List.of()),
      new Entry("push", "image.push", "Upload an image to a registry", List.of()),
      new Entry("prune", "image.prune", "Remove unused images", List.of()),
      new Entry("load", "image.load", "Load an image from a tar archive or STDIN", List.of()),
      new Entry("rm", "image.rm", "Remove one or more images", List.of("remove")),
      new Entry("save", "image.save", "Save one or more images to a tar archive (streamed to STDOUT by default)", List.of()),
      new Entry("tag", "image.tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE", List.of()));

  static final List<Entry> NETWORK = List.of(
      new Entry("create", "network.create", "Create a network", List.of()),
      new Entry("inspect", "network.inspect", "Display detailed information on one or more networks", List.of()),
      new Entry("ls", "network.ls", "List networks", List.of("list")),
      new Entry("prune", "network.prune", "Remove all unused networks", List.of()),
      new Entry("rm", "network.rm", "Remove one or more networks", List.of("remove")));

  static final List<Entry> VOLUME = List.of(
      new Entry("create", "volume.create", "Create a volume", List.of()),
      new Entry("inspect", "volume.inspect", "Display detailed information on one or more volumes", List.of()),
      new Entry("ls", "volume.ls", "List volumes", List.of("list")),
      new Entry("prune", "volume.prune", "Remove unused local volumes", List.of()),
      new Entry("rm", "volume.rm", "Remove one or more volumes", List.of("remove")));

  static final List<Entry> SYSTEM = List.of(
      new Entry("df", "system.df", "Show berth disk usage", List.of()),
      new Entry("events", "system.events", "Get real time events from the server", List.of()),
      new Entry("info", "system.info", "Display system-wide information", List.of()));

  private Commands() {}

  static List<Entry> group(String name) {
    return switch (name) {
      case "container" -> CONTAINER;
      case "image" -> IMAGE;
      case "network" -> NETWORK;
      case "volume" -> VOLUME;
      case "system" -> SYSTEM;
      default -> null;
    };
  }

  static String groupDescription(String name) {
    return switch (name) {
      case "container" -> "Manage containers";
      case "image" -> "Manage images";
      case "network" -> "Manage networks";
      case "volume" -> "Manage volumes";
      default -> "Manage Berth";
    };
  }

  static Entry find(List<Entry> entries, String word) {
    for (Entry e : entries) {
      if (e.matches(word)) {
        return e;
      }
    }
    return null;
  }

  static Command create(String id) {
    return switch (id) {
      case "container.run" -> new RunCommand();
      case "container.commit" -> new io.berth.cli.command.container.CommitCommand();
      case "container.create" -> new CreateCommand();
      case "container.start" -> new StartCommand();
      case "container.stop" -> new StopCommand();
      case "container.kill" -> new KillCommand();
      case "container.exec" -> new io.berth.cli.command.container.ExecCommand();
      case "container.pause" -> new io.berth.cli.command.container.PauseCommand(true);
      case "container.attach" -> new io.berth.cli.command.container.AttachCommand();
      case "container.wait" -> new io.berth.cli.command.container.WaitCommand();
      case "container.cp" -> new io.berth.cli.command.container.CpCommand();
      case "container.prune" -> new io.berth.cli.command.container.ContainerPruneCommand();
      case "container.update" -> new io.berth.cli.command.container.UpdateCommand();
      case "container.unpause" -> new io.berth.cli.command.container.PauseCommand(false);
      case "container.rename" -> new io.berth.cli.command.container.RenameCommand();
      case "container.top" -> new io.berth.cli.command.container.TopCommand();
      case "container.stats" -> new io.berth.cli.command.container.StatsCommand();
      case "system.events" -> new io.berth.cli.command.system.EventsCommand();
      case "container.restart" -> new RestartCommand();
      case "container.rm" -> new RmCommand();
      case "container.ls" -> new PsCommand();
      case "container.logs" -> new LogsCommand();
      case "container.diff" -> new DiffCommand();
      case "container.port" -> new io.berth.cli.command.container.PortCommand();
      case "container.export" -> new ExportCommand();
      case "container.inspect" -> new InspectCommand("container");
      case "image.inspect" -> new InspectCommand("image");
      case "network.inspect" -> new InspectCommand("network");
      case "network.ls" -> new io.berth.cli.command.network.NetworkLsCommand();
      case "network.create" -> new io.berth.cli.command.network.NetworkCreateCommand();
      case "network.rm" -> new io.berth.cli.command.network.NetworkRmCommand();
      case "network.prune" -> new io.berth.cli.command.network.NetworkPruneCommand();
      case "volume.inspect" -> new InspectCommand("volume");
      case "volume.create" -> new io.berth.cli.command.volume.VolumeCreateCommand();
      case "volume.ls" -> new io.berth.cli.command.volume.VolumeLsCommand();
      case "volume.rm" -> new io.berth.cli.command.volume.VolumeRmCommand();
      case "volume.prune" -> new io.berth.cli.command.volume.VolumePruneCommand();
      case "system.inspect" -> new InspectCommand(null);
      case "image.ls" -> new ImagesCommand();
      case "image.rm" -> new RmiCommand();
      case "image.tag" -> new TagCommand();
      case "image.import" -> new ImportCommand();
      case "image.pull" -> new PullCommand();
      case "image.push" -> new io.berth.cli.command.image.PushCommand();
      case "image.save" -> new io.berth.cli.command.image.SaveCommand();
      case "image.history" -> new io.berth.cli.command.image.HistoryCommand();
      case "image.load" -> new io.berth.cli.command.image.LoadCommand();
      case "registry.login" -> new io.berth.cli.command.registry.LoginCommand();
      case "registry.logout" -> new io.berth.cli.command.registry.LogoutCommand();
      case "registry.search" -> new io.berth.cli.command.registry.SearchCommand();
      case "image.prune" -> new io.berth.cli.command.image.PruneCommand();
      case "system.df" -> new io.berth.cli.command.system.DfCommand();
      case "image.bootstrap" -> new BootstrapCommand();
      case "system.version" -> new VersionCommand();
      case "system.info" -> new InfoCommand();
      default -> throw new IllegalArgumentException(id);
    };
  }
}
