package io.berth.cli.command.registry;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.auth.DockerConfig;
import io.berth.cli.flags.Parsed;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code berth login [SERVER]}: the daemon checks the credentials against the registry, then they
 * are kept in docker's {@code config.json} (or its credential helper).
 */
public final class LoginCommand extends Command {
  public LoginCommand() {
    flags.string("p", "password", "Password or Personal Access Token (PAT)")
        .bool(null, "password-stdin", "Take the Password or Personal Access Token (PAT) from stdin")
        .string("u", "username", "Username");
  }

  @Override
  public String use() {
    return "[OPTIONS] [SERVER]";
  }

  @Override
  public String description() {
    return "Authenticate to a registry";
  }

  @Override
  public String aliases() {
    return "berth login";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atMost(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String server = p.args().isEmpty() ? DockerConfig.HUB : p.args().getFirst();
    String user = p.string("username", "");
    String password = p.string("password", "");
    if (!password.isEmpty()) {
      cli.err().println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
      if (p.bool("password-stdin")) {
        throw new StatusError("--password and --password-stdin are mutually exclusive", 1);
      }
    }
    if (p.bool("password-stdin")) {
      if (user.isEmpty()) {
        throw new StatusError("Must provide --username with --password-stdin", 1);
      }
      try {
        password = new String(cli.in().readAllBytes(), StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
      } catch (IOException e) {
        throw new StatusError(e.getMessage(), 1);
      }
    }
    if (user.isEmpty() || password.isEmpty()) {
      Console console = System.console();
      if (console == null) {
        throw new StatusError("Error: Cannot perform an interactive login from a non TTY device", 1);
      }
      if (user.isEmpty()) {
        user = console.readLine("Username: ").trim();
      }
      if (password.isEmpty()) {
        char[] pw = console.readPassword("Password: ");
        password = pw == null ? "" : new String(pw);
      }
      if (user.isEmpty()) {
        throw new StatusError("Error: Non-null Username Required", 1);
      }
      if (password.isEmpty()) {
        throw new StatusError("Error: Password Required", 1);
      }
    }
    Map<String, Object> answer = cli.client().system().login(user, password, server);
    String token = answer.get("IdentityToken") instanceof String t ? t : "";
    DockerConfig config = DockerConfig.load(cli.env());
    String key = server.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
    key = server.equals(DockerConfig.HUB) ? server : DockerConfig.serverKey(key);
    boolean helper = config.store(key, new DockerConfig.Login(user, token.isEmpty() ? password : "", token));
    if (!helper) {
      cli.err().println();
      cli.err().println("WARNING! Your credentials are stored unencrypted in '" + config.file() + "'.");
      cli.err().println("Configure a credential helper to remove this warning. See");
      cli.err().println("https://docs.docker.com/go/credential-store/");
      cli.err().println();
    }
    cli.out().println(answer.get("Status") instanceof String s && !s.isEmpty() ? s : "Login Succeeded");
    return 0;
  }
}
