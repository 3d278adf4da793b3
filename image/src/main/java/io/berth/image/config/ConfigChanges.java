package io.berth.image.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies Dockerfile-like change lines ({@code docker import --change}, {@code docker commit
 * --change}) to an image config. Only the instructions Docker allows for commits are accepted, and
 * all of them are validated before any is applied.
 */
public final class ConfigChanges {
  private static final Set<String> VALID =
      Set.of(
          "cmd",
          "entrypoint",
          "healthcheck",
          "env",
          "expose",
          "label",
          "onbuild",
          "stopsignal",
          "user",
          "volume",
          "workdir");
  private static final List<String> SHELL = List.of("/bin/sh", "-c");
  private static final Pattern SIGNAL =
      Pattern.compile("(?:SIG)?(?:[A-Z]{2,7}[0-9]*|RTMIN(?:\\+[0-9]+)?|RTMAX(?:-[0-9]+)?)");

  private ConfigChanges() {}

  /**
   * The config after {@code changes}; {@code base} is returned when there are none.
   *
   * @throws InvalidParameterException with Docker's message for an invalid change
   */
  public static ImageConfig apply(ImageConfig base, List<String> changes) {
    if (changes == null || changes.isEmpty()) {
      return base;
    }
    List<ChangeLines.Instruction> instructions = ChangeLines.parse(String.join("\n", changes));
    for (ChangeLines.Instruction i : instructions) {
      if (!VALID.contains(i.name().toLowerCase(Locale.ROOT))) {
        throw new InvalidParameterException(i.name() + " is not a valid change command");
      }
    }
    MutableConfig c = new MutableConfig(base);
    for (ChangeLines.Instruction i : instructions) {
      dispatch(c, i);
    }
    return c.build();
  }

  private static void dispatch(MutableConfig c, ChangeLines.Instruction i) {
    String args = i.args();
    switch (i.name().toLowerCase(Locale.ROOT)) {
      case "cmd" -> {
        c.cmd = commandLine(args);
        c.cmdSet = true;
      }
      case "entrypoint" -> {
        c.entrypoint = commandLine(args);
        if (!c.cmdSet) {
          c.cmd = null;
        }
      }
      case "env" -> pairs(c, args, "ENV", true);
      case "label" -> pairs(c, args, "LABEL", false);
      case "expose" -> expose(c, args);
      case "volume" -> volume(c, args);
      case "workdir" -> c.workdir(single(c, args, "WORKDIR"));
      case "user" -> c.user = single(c, args, "USER");
      case "stopsignal" -> c.stopSignal = signal(single(c, args, "STOPSIGNAL"));
      case "onbuild" -> c.addOnBuild(onBuild(args));
      case "healthcheck" -> c.healthcheck = HealthcheckParser.parse(args);
      default -> throw new IllegalStateException("validated above: " + i.name());
    }
  }

  /** The exec form when {@code args} is a JSON string array, else the shell form. */
  static List<String> commandLine(String args) {
    List<String> json = jsonArray(args);
    if (json != null) {
      return json;
    }
    List<String> shell = new ArrayList<>(SHELL);
    shell.add(args);
    return shell;
  }

  /** The strings of a JSON array of strings, or null when {@code s} is not one. */
  static List<String> jsonArray(String s) {
    if (!s.startsWith("[")) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.tree(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (node == null || !node.isArray()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : node) {
      if (!e.isTextual()) {
        return null;
      }
      out.add(e.asText());
    }
    return out;
  }

  private static void pairs(MutableConfig c, String args, String instr, boolean env) {
    ShellWords lexer = new ShellWords(c.envMap());
    List<String> words = lexer.words(args);
    if (words.isEmpty()) {
      throw new InvalidParameterException(instr + " requires at least one argument");
    }
    if (!words.getFirst().contains("=")) {
      String[] legacy = args.split("[ \t]+", 2);
      if (legacy.length < 2) {
        throw new InvalidParameterException(instr + " must have two arguments");
      }
      put(c, env, instr, lexer.word(legacy[0]), lexer.word(legacy[1]));
      return;
    }
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq < 0) {
        throw new InvalidParameterException(
            "Syntax error - can't find = in \"" + w + "\". Must be of the form: name=value");
      }
      put(c, env, instr, w.substring(0, eq), w.substring(eq + 1));
    }
  }

  private static void put(MutableConfig c, boolean env, String instr, String key, String value) {
    if (key.isEmpty()) {
      throw new InvalidParameterException(instr + " names can not be blank");
    }
    if (env) {
      c.setEnv(key, value);
    } else {
      c.putLabel(key, value);
    }
  }

  private static void expose(MutableConfig c, String args) {
    List<String> ports = new ShellWords(c.envMap()).words(args);
    if (ports.isEmpty()) {
      throw new InvalidParameterException("EXPOSE requires at least one argument");
    }
    ports.forEach(c::expose);
  }

  private static void volume(MutableConfig c, String args) {
    List<String> json = jsonArray(args);
    List<String> paths = json != null ? json : new ShellWords(c.envMap()).words(args);
    if (paths.isEmpty()) {
      throw new InvalidParameterException("VOLUME requires at least one argument");
    }
    for (String p : paths) {
      String v = p.strip();
      if (v.isEmpty()) {
        throw new InvalidParameterException("VOLUME specified can not be an empty string");
      }
      c.addVolume(v);
    }
  }

  private static String single(MutableConfig c, String args, String instr) {
    if (args.isEmpty()) {
      throw new InvalidParameterException(instr + " requires exactly one argument");
    }
    return new ShellWords(c.envMap()).word(args);
  }

  private static String signal(String s) {
    if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
      int n = Integer.parseInt(s.length() > 3 ? "0" : s);
      if (n >= 1 && n <= 64) {
        return s;
      }
    } else if (SIGNAL.matcher(s.toUpperCase(Locale.ROOT)).matches()) {
      return s;
    }
    throw new InvalidParameterException("Invalid signal: " + s);
  }

  private static String onBuild(String args) {
    if (args.isEmpty()) {
      throw new InvalidParameterException("ONBUILD requires at least one argument");
    }
    String trigger = args.split("[ \t]+", 2)[0].toUpperCase(Locale.ROOT);
    switch (trigger) {
      case "ONBUILD" ->
          throw new InvalidParameterException(
              "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      case "MAINTAINER", "FROM" ->
          throw new InvalidParameterException(trigger + " isn't allowed as an ONBUILD trigger");
      default -> {
        return args;
      }
    }
  }
}
