package io.berth.cli.format;

import io.berth.cli.format.Template.Action;
import io.berth.cli.format.Template.Arg;
import io.berth.cli.format.Template.Cmd;
import io.berth.cli.format.Template.Dot;
import io.berth.cli.format.Template.Field;
import io.berth.cli.format.Template.Ident;
import io.berth.cli.format.Template.If;
import io.berth.cli.format.Template.Literal;
import io.berth.cli.format.Template.Loop;
import io.berth.cli.format.Template.Node;
import io.berth.cli.format.Template.Pipe;
import io.berth.cli.format.Template.Range;
import io.berth.cli.format.Template.Sub;
import io.berth.cli.format.Template.Text;
import io.berth.cli.format.Template.Var;
import io.berth.cli.format.Template.With;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for {@link Template}; error messages follow Go's. */
final class TemplateParser {
  /** One action's tokens, with where the action ended in the source. */
  private final String src;
  private final TemplateLexer lexer;
  private List<TemplateLexer.Tok> toks;
  private int ti;
  private int actionPos;

  TemplateParser(String src) {
    this.src = src;
    this.lexer = new TemplateLexer(src, this);
  }

  List<Node> parse() {
    List<Node> nodes = new ArrayList<>();
    String end = parseList(nodes);
    if (end != null) {
      throw error("unexpected {{" + end + "}}");
    }
    return nodes;
  }

  /** Parses until EOF (returns null) or a control word that closes the list ("end", "else"...). */
  private String parseList(List<Node> out) {
    while (lexer.pos < src.length()) {
      int open = src.indexOf("{{", lexer.pos);
      String text = open < 0 ? src.substring(lexer.pos) : src.substring(lexer.pos, open);
      if (lexer.trimNext) {
        text = text.stripLeading();
        lexer.trimNext = false;
      }
      boolean trimLeft = open >= 0 && open + 3 < src.length() + 1 && src.startsWith("{{-", open)
          && open + 3 < src.length() && TemplateLexer.isSpace(src.charAt(open + 3));
      if (trimLeft) {
        text = TemplateLexer.stripTrailing(text);
      }
      if (!text.isEmpty()) {
        out.add(new Text(text));
      }
      if (open < 0) {
        lexer.pos = src.length();
        return null;
      }
      int start = open + (trimLeft ? 3 : 2);
      actionPos = start;
      String control = action(start, out);
      if (control != null) {
        return control;
      }
    }
    return null;
  }

  /** Lexes one action starting at {@code start} and appends its node; returns a closing word. */
  private String action(int start, List<Node> out) {
    toks = lexer.lex(start);
    ti = 0;
    if (toks.isEmpty()) {
      return null; // a comment
    }
    TemplateLexer.Tok first = toks.getFirst();
    if (first.kind().equals("id")) {
      switch (first.text()) {
        case "end" -> {
          ti++;
          expectEnd();
          return "end";
        }
        case "else" -> {
          ti++;
          return "else";
        }
        case "if", "range", "with" -> {
          ti++;
          out.add(control(first.text()));
          return null;
        }
        case "break", "continue" -> {
          ti++;
          expectEnd();
          out.add(new Loop(first.text().equals("break")));
          return null;
        }
        case "define", "template", "block" -> throw error("{{" + first.text() + "}} is not supported");
        default -> {}
      }
    }
    Pipe p = pipe(true);
    expectEnd();
    out.add(new Action(p));
    return null;
  }

  private Node control(String word) {
    Pipe p = pipe(true);
    expectEnd();
    List<Node> body = new ArrayList<>();
    String close = parseList(body);
    List<Node> otherwise = List.of();
    if ("else".equals(close)) {
      // "else if" / "else with" chain into a nested node that shares our {{end}}.
      if (ti < toks.size() && toks.get(ti).kind().equals("id")
          && toks.get(ti).text().equals(word) && !word.equals("range")) {
        ti++;
        otherwise = List.of(control(word));
        close = "end";
      } else {
        expectEnd();
        List<Node> elseBody = new ArrayList<>();
        close = parseList(elseBody);
        otherwise = elseBody;
      }
    }
    if (!"end".equals(close)) {
      throw error("unexpected EOF");
    }
    return switch (word) {
      case "if" -> new If(p, body, otherwise);
      case "range" -> new Range(p, body, otherwise);
      default -> new With(p, body, otherwise);
    };
  }

  private void expectEnd() {
    if (ti < toks.size()) {
      throw error("unexpected \"" + toks.get(ti).text() + "\" in command");
    }
  }

  private Pipe pipe(boolean top) {
    int p = ti < toks.size() ? toks.get(ti).pos() : actionPos;
    List<String> vars = new ArrayList<>();
    boolean declare = true;
    // Look ahead for "$x :=", "$x =", or "$i, $e :=".
    int save = ti;
    while (ti < toks.size() && toks.get(ti).kind().equals("var")) {
      vars.add(toks.get(ti).text());
      ti++;
      if (ti < toks.size() && toks.get(ti).kind().equals(",")) {
        ti++;
        continue;
      }
      break;
    }
    if (!vars.isEmpty() && ti < toks.size() && (toks.get(ti).kind().equals(":=") || toks.get(ti).kind().equals("="))) {
      declare = toks.get(ti).kind().equals(":=");
      ti++;
    } else {
      vars.clear();
      ti = save;
    }
    List<Cmd> cmds = new ArrayList<>();
    while (true) {
      cmds.add(command());
      if (ti < toks.size() && toks.get(ti).kind().equals("|")) {
        ti++;
        continue;
      }
      break;
    }
    if (!top && (ti >= toks.size() || !toks.get(ti).kind().equals(")"))) {
      throw error("unclosed left paren");
    }
    return new Pipe(p, vars, declare, cmds);
  }

  private Cmd command() {
    List<Arg> args = new ArrayList<>();
    int p = ti < toks.size() ? toks.get(ti).pos() : actionPos;
    while (ti < toks.size()) {
      String k = toks.get(ti).kind();
      if (k.equals("|") || k.equals(")")) {
        break;
      }
      args.add(operand());
    }
    if (args.isEmpty()) {
      throw error("missing value for command");
    }
    return new Cmd(p, args);
  }

  private Arg operand() {
    TemplateLexer.Tok t = toks.get(ti++);
    Arg term = switch (t.kind()) {
      case "field" -> t.text().equals(".") ? new Dot(t.pos()) : new Field(t.pos(), null, names(t.text()));
      case "var" -> {
        int dot = t.text().indexOf('.');
        yield dot < 0 ? new Var(t.pos(), t.text(), List.of())
            : new Var(t.pos(), t.text().substring(0, dot), names(t.text().substring(dot)));
      }
      case "id" -> switch (t.text()) {
        case "true" -> new Literal(t.pos(), Boolean.TRUE);
        case "false" -> new Literal(t.pos(), Boolean.FALSE);
        case "nil" -> new Literal(t.pos(), null);
        default -> new Ident(t.pos(), t.text());
      };
      case "string" -> new Literal(t.pos(), t.text());
      case "number" -> new Literal(t.pos(), number(t.text()));
      case "(" -> {
        Pipe inner = pipe(false);
        ti++; // the ")"
        yield new Sub(t.pos(), inner);
      }
      default -> throw error("unexpected \"" + t.text() + "\" in operand");
    };
    // A chained field such as (pipe).Field or $x.Field arrives as a separate "field" token glued on.
    while (ti < toks.size() && toks.get(ti).kind().equals("chain")) {
      term = new Field(toks.get(ti).pos(), term, names(toks.get(ti).text()));
      ti++;
    }
    return term;
  }

  private static List<String> names(String chain) {
    List<String> out = new ArrayList<>();
    for (String s : chain.substring(1).split("\\.")) {
      out.add(s);
    }
    return out;
  }

  private Object number(String s) {
    try {
      if (s.startsWith("'")) {
        return (long) s.codePointAt(1);
      }
      if (s.contains(".") || s.contains("e") && !s.startsWith("0x")) {
        return Double.parseDouble(s);
      }
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return Long.parseLong(s.substring(2), 16);
      }
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw error("bad number syntax: \"" + s + "\"");
    }
  }

  TemplateException error(String msg) {
    int line = 1;
    for (int i = 0; i < actionPos && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return new TemplateException("template: :" + line + ": " + msg);
  }
}
