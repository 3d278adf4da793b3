package io.berth.cli.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed Go {@code text/template}: the subset docker users write in {@code --format} (fields,
 * variables, pipelines, functions, {@code if/else/range/with}, trim markers and comments).
 */
public final class Template {
  sealed interface Node permits Text, Action, If, Range, With, Loop {}

  record Text(String text) implements Node {}

  record Action(Pipe pipe) implements Node {}

  record If(Pipe pipe, List<Node> then, List<Node> otherwise) implements Node {}

  record Range(Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {}

  record With(Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {}

  /** {@code {{break}}} or {@code {{continue}}}. */
  record Loop(boolean isBreak) implements Node {}

  /** {@code $a, $b := cmd | cmd}; {@code declare} is false for a plain {@code =}. */
  record Pipe(int pos, List<String> vars, boolean declare, List<Cmd> cmds) {}

  record Cmd(int pos, List<Arg> args) {}

  sealed interface Arg permits Dot, Field, Var, Ident, Literal, Sub {}

  record Dot(int pos) implements Arg {}

  /** {@code .A.B} applied to {@code receiver} (null: the dot). */
  record Field(int pos, Arg receiver, List<String> names) implements Arg {}

  record Var(int pos, String name, List<String> names) implements Arg {}

  record Ident(int pos, String name) implements Arg {}

  record Literal(int pos, Object value) implements Arg {}

  record Sub(int pos, Pipe pipe) implements Arg {}

  private final String source;
  final List<Node> root;

  private Template(String source, List<Node> root) {
    this.source = source;
    this.root = root;
  }

  public static Template parse(String source) {
    return new Template(source, new TemplateParser(source).parse());
  }

  /** Runs with the standard functions. */
  public String execute(Object data) {
    return new TemplateExec(this, TemplateFuncs.standard()).run(data);
  }

  /** Runs with {@code overrides} replacing standard functions, as docker does for table headers. */
  public String execute(Object data, Map<String, TemplateFuncs.Func> overrides) {
    return new TemplateExec(this, TemplateFuncs.with(overrides)).run(data);
  }

  /** Go's {@code line:col} for a byte offset, used in error messages. */
  String location(int pos) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < pos && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (pos - lineStart);
  }

  String source(int pos, int end) {
    return source.substring(pos, Math.min(end, source.length()));
  }

  static List<Node> list() {
    return new ArrayList<>();
  }
}
