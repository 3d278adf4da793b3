package io.berth.cli.command.container;

import io.berth.api.model.container.ContainerCreateResponse;
import io.berth.cli.Cli;
import io.berth.cli.StatusError;
import io.berth.cli.command.ImageRef;
import io.berth.cli.flags.Parsed;
import io.berth.client.JsonMessages;
import io.berth.common.error.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** docker's createContainer: create, and on a missing image pull it and try once more. */
final class CreateFlow {
  private CreateFlow() {}

  static String create(Cli cli, Parsed p, byte[] body) {
    String pull = p.string("pull", "missing");
    String cidfile = p.string("cidfile", "");
    if (cidfile.isEmpty()) {
      return create(cli, p, body, pull);
    }
    CidFile cid = CidFile.open(cidfile);
    try {
      String id = create(cli, p, body, pull);
      cid.write(id);
      return id;
    } finally {
      cid.close();
    }
  }

  private static String create(Cli cli, Parsed p, byte[] body, String pull) {
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

  /**
   * {@code --cidfile}: docker's rules. The file must not exist; it is created before the
   * container and gets the id once there is one, and is removed when creation fails.
   */
  private static final class CidFile {
    private final Path path;
    private final OutputStream out;
    private boolean written;

    private CidFile(Path path, OutputStream out) {
      this.path = path;
      this.out = out;
    }

    static CidFile open(String file) {
      Path path = Path.of(file);
      if (Files.exists(path)) {
        throw new StatusError("container ID file found, make sure the other container isn't running or delete "
            + file, 1);
      }
      try {
        return new CidFile(path, Files.newOutputStream(path));
      } catch (IOException e) {
        throw new StatusError("failed to create the container ID file: open " + file + ": " + goError(e), 1);
      }
    }

    void write(String id) {
      try {
        out.write(id.getBytes(StandardCharsets.UTF_8));
        written = true;
      } catch (IOException e) {
        throw new StatusError("failed to write the container ID to the file: write " + path + ": " + goError(e), 1);
      }
    }

    void close() {
      try {
        out.close();
        if (!written) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        // docker ignores a failure to tidy up, too
      }
    }

    /** The errno text Go prints for a failed open or write. */
    private static String goError(IOException e) {
      if (e instanceof NoSuchFileException) {
        return "no such file or directory";
      }
      if (e instanceof AccessDeniedException) {
        return "permission denied";
      }
      if (e instanceof FileSystemException f && f.getReason() != null) {
        return f.getReason().toLowerCase(java.util.Locale.ROOT);
      }
      return String.valueOf(e.getMessage());
    }
  }
}
