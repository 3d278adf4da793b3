package io.berth.cli.command.container;

import io.berth.cli.flags.FlagSet;
import io.berth.cli.flags.Parsed;
import io.berth.cli.flags.UsageError;
import io.berth.client.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags {@code run} and {@code create} share, and the create request they turn into. The
 * request carries the Config fields at top level plus HostConfig and NetworkingConfig, as
 * docker's client sends it.
 */
final class ContainerOptions {
  /** A flag value or file that cannot become a request; docker reports these with a help hint. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  private ContainerOptions() {}

  static void declare(FlagSet f, boolean run) {
    if (run) {
      f.bool("d", "detach", "Run container in background and print container ID");
      f.string(null, "detach-keys", "Override the key sequence for detaching a container");
      f.hidden("sig-proxy", true);
    }
    f.list("e", "env", "Set environment variables")
        .list(null, "env-file", "Read in a file of environment variables")
        .string(null, "entrypoint", "Overwrite the default ENTRYPOINT of the image")
        .string("h", "hostname", "Container host name")
        .bool("i", "interactive", "Keep STDIN open even if not attached")
        .list("l", "label", "Set meta data on a container")
        .string(null, "name", "Assign a name to the container")
        .value(null, "network", "network", null, "Connect a container to a network")
        .hidden("net", false)
        .string(null, "pull", "Pull image before creating (\"always\", \"missing\", \"never\") (default \"missing\")")
        .bool("q", "quiet", "Suppress the pull output")
        .bool(null, "rm", "Automatically remove the container and its associated anonymous volumes when it exits")
        .bool("t", "tty", "Allocate a pseudo-TTY")
        .string("u", "user", "Username or UID (format: <name|uid>[:<group|gid>])")
        .string("w", "workdir", "Working directory inside the container")
        .stopAtFirstArg();
  }

  /**
   * Builds the create body; {@code detach} clears the attach fields as docker run -d does. Written
   * field by field rather than data-bound: this runs on every {@code run}, and Jackson's set-up
   * would cost more than the rest of the command's start-up.
   */
  static byte[] body(Parsed p, Map<String, String> env, boolean detach) throws Invalid {
    List<String> args = p.args();
    boolean stdin = p.bool("interactive");
    JsonWriter b = new JsonWriter().beginObject()
        .member("Hostname", p.string("hostname", ""))
        .member("Domainname", "")
        .member("User", p.string("user", ""))
        .member("AttachStdin", !detach && stdin)
        .member("AttachStdout", !detach)
        .member("AttachStderr", !detach)
        .member("Tty", p.bool("tty"))
        .member("OpenStdin", stdin)
        .member("StdinOnce", !detach && stdin);
    b.name("Env").array(env(p, env));
    b.name("Cmd").array(args.size() > 1 ? args.subList(1, args.size()) : null);
    b.member("Image", args.getFirst());
    b.member("WorkingDir", p.string("workdir", ""));
    // One element, unsplit, as docker does; an empty value resets the image's entrypoint.
    b.name("Entrypoint").array(p.changed("entrypoint") ? List.of(p.string("entrypoint", "")) : null);
    b.name("Labels").beginObject();
    for (Map.Entry<String, String> l : labels(p).entrySet()) {
      b.member(l.getKey(), l.getValue());
    }
    b.endObject();
    b.name("HostConfig").beginObject().member("AutoRemove", p.bool("rm"));
    String network = p.string("network", p.string("net", null));
    if (network != null) {
      b.member("NetworkMode", network);
    }
    b.endObject();
    b.name("NetworkingConfig").beginObject().name("EndpointsConfig").beginObject().endObject().endObject();
    return b.endObject().toBytes();
  }

  /** Env files first, then {@code -e}; a bare name takes its value from our environment. */
  static List<String> env(Parsed p, Map<String, String> env) throws Invalid {
    List<String> out = new ArrayList<>();
    for (String file : p.list("env-file")) {
      out.addAll(envFile(Path.of(file), env));
    }
    for (String e : p.list("env")) {
      int eq = e.indexOf('=');
      String key = eq < 0 ? e : e.substring(0, eq);
      if (key.isEmpty()) {
        throw new UsageError("invalid argument \"" + e + "\" for \"-e, --env\" flag: invalid environment variable: " + e);
      }
      if (eq < 0 && env.containsKey(key)) {
        out.add(key + "=" + env.get(key));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /** Docker's env-file rules: comments and blanks skipped, bare names looked up or dropped. */
  static List<String> envFile(Path file, Map<String, String> env) throws Invalid {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Invalid("open " + file + ": no such file or directory");
    } catch (IOException e) {
      throw new Invalid("open " + file + ": " + e.getMessage());
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("invalid env file (" + file + "): invalid utf8 bytes");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> out = new ArrayList<>();
    for (String raw : text.split("\r?\n", -1)) {
      String line = raw.stripLeading();
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      if (key.isEmpty()) {
        throw new Invalid("invalid env file (" + file + "): no variable name on line '" + line + "'");
      }
      if (key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
        throw new Invalid("invalid env file (" + file + "): variable '" + key + "' contains whitespaces");
      }
      if (eq >= 0) {
        out.add(line);
      } else if (env.containsKey(line)) {
        out.add(key + "=" + env.get(line));
      }
    }
    return out;
  }

  /** {@code k=v} pairs; a bare key gets an empty value. */
  static Map<String, String> labels(Parsed p) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String l : p.list("label")) {
      int eq = l.indexOf('=');
      String key = eq < 0 ? l : l.substring(0, eq);
      if (key.strip().isEmpty()) {
        throw new UsageError("invalid argument \"" + l + "\" for \"-l, --label\" flag: invalid label '" + l + "': empty name");
      }
      out.put(key, eq < 0 ? "" : l.substring(eq + 1));
    }
    return out;
  }
}
