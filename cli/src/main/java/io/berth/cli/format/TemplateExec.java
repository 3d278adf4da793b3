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
import java.util.Map;
import java.util.TreeMap;

/** Executes a {@link Template} against Java values that stand in for Go's. */
final class TemplateExec {
  private static final class LoopSignal extends RuntimeException {
    final boolean isBreak;

    LoopSignal(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  private record Variable(String name, Object[] value) {}

  private final Template tmpl;
  private final Map<String, TemplateFuncs.Func> funcs;
  private final StringBuilder out = new StringBuilder();
  private final List<Variable> vars = new ArrayList<>();

  TemplateExec(Template tmpl, Map<String, TemplateFuncs.Func> funcs) {
    this.tmpl = tmpl;
    this.funcs = funcs;
  }

  String run(Object data) {
    vars.add(new Variable("$", new Object[] {data}));
    walk(data, tmpl.root);
    return out.toString();
  }

  // Dispatch is by instanceof rather than pattern switches: each pattern switch site costs a
  // generated class at first use, and a CLI run uses every site exactly once.
  private void walk(Object dot, List<Node> nodes) {
    for (Node n : nodes) {
      if (n instanceof Text t) {
        out.append(t.text());
      } else if (n instanceof Action a) {
        Object v = pipe(dot, a.pipe());
        if (a.pipe().vars().isEmpty()) {
          out.append(GoValues.print(v));
        }
      } else if (n instanceof If i) {
        int mark = vars.size();
        boolean truth = GoValues.truth(pipe(dot, i.pipe()));
        walk(dot, truth ? i.then() : i.otherwise());
        pop(mark);
      } else if (n instanceof With w) {
        int mark = vars.size();
        Object v = pipe(dot, w.pipe());
        if (GoValues.truth(v)) {
          walk(v, w.body());
        } else {
          walk(dot, w.otherwise());
        }
        pop(mark);
      } else if (n instanceof Range r) {
        range(dot, r);
      } else if (n instanceof Loop l) {
        throw new LoopSignal(l.isBreak());
      }
    }
  }

  private void range(Object dot, Range r) {
    int mark = vars.size();
    Pipe p = r.pipe();
    Pipe valueOnly = new Pipe(p.pos(), List.of(), true, p.cmds());
    Object v = pipe(dot, valueOnly);
    List<Object[]> items = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        items.add(new Object[] {(long) i, list.get(i)});
      }
    } else if (v instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        items.add(new Object[] {e.getKey(), e.getValue()});
      }
    } else if (v instanceof Long n) {
      for (long i = 0; i < n; i++) {
        items.add(new Object[] {i, i});
      }
    } else if (v != null && v != GoValues.NO_VALUE) {
      throw execError(p.pos(), "range can't iterate over " + GoValues.print(v));
    }
    if (items.isEmpty()) {
      walk(dot, r.otherwise());
      pop(mark);
      return;
    }
    for (Object[] item : items) {
      int inner = vars.size();
      if (p.vars().size() == 1) {
        vars.add(new Variable(p.vars().getFirst(), new Object[] {item[1]}));
      } else if (p.vars().size() == 2) {
        vars.add(new Variable(p.vars().get(0), new Object[] {item[0]}));
        vars.add(new Variable(p.vars().get(1), new Object[] {item[1]}));
      }
      try {
        walk(item[1], r.body());
      } catch (LoopSignal s) {
        if (s.isBreak) {
          pop(inner);
          break;
        }
      }
      pop(inner);
    }
    pop(mark);
  }

  private void pop(int mark) {
    while (vars.size() > mark) {
      vars.removeLast();
    }
  }

  private Object pipe(Object dot, Pipe p) {
    Object value = null;
    boolean piped = false;
    for (Cmd c : p.cmds()) {
      value = command(dot, c, piped ? value : GoValues.NO_VALUE, piped);
      piped = true;
    }
    if (!p.vars().isEmpty()) {
      if (p.declare()) {
        vars.add(new Variable(p.vars().getFirst(), new Object[] {value}));
      } else {
        lookup(p.pos(), p.vars().getFirst())[0] = value;
      }
    }
    return value;
  }

  private Object command(Object dot, Cmd c, Object final_, boolean hasFinal) {
    Arg first = c.args().getFirst();
    List<Arg> rest = c.args().subList(1, c.args().size());
    if (first instanceof Ident id) {
      TemplateFuncs.Func f = funcs.get(id.name());
      if (f == null) {
        throw new TemplateException("template: :" + tmpl.location(id.pos()).split(":")[0]
            + ": function \"" + id.name() + "\" not defined");
      }
      return call(id, f, args(dot, rest, final_, hasFinal));
    }
    if (first instanceof Field f && (!rest.isEmpty() || hasFinal)) {
      List<Object> args = args(dot, rest, final_, hasFinal);
      Object receiver = f.receiver() == null ? dot : arg(dot, f.receiver());
      return fieldChain(f.pos(), receiver, f.names(), args);
    }
    if (!rest.isEmpty() || hasFinal) {
      throw execError(c.pos(), "can't give argument to non-function " + describe(first));
    }
    return arg(dot, first);
  }

  private List<Object> args(Object dot, List<Arg> rest, Object final_, boolean hasFinal) {
    List<Object> args = new ArrayList<>();
    for (Arg a : rest) {
      args.add(arg(dot, a));
    }
    if (hasFinal) {
      args.add(final_);
    }
    return args;
  }

  private Object arg(Object dot, Arg a) {
    if (a instanceof Dot) {
      return dot;
    } else if (a instanceof Literal l) {
      return l.value();
    } else if (a instanceof Var v) {
      return fieldChain(v.pos(), lookup(v.pos(), v.name())[0], v.names(), List.of());
    } else if (a instanceof Field f) {
      return fieldChain(f.pos(), f.receiver() == null ? dot : arg(dot, f.receiver()), f.names(), List.of());
    } else if (a instanceof Sub s) {
      return pipe(dot, s.pipe());
    }
    Ident i = (Ident) a;
    TemplateFuncs.Func fn = funcs.get(i.name());
    if (fn == null) {
      throw new TemplateException("template: :1: function \"" + i.name() + "\" not defined");
    }
    return call(i, fn, List.of());
  }

  /** Calls a function with Go's words for what goes wrong: a bad argument count, or the function's error. */
  private Object call(Ident id, TemplateFuncs.Func f, List<Object> args) {
    try {
      return f.apply(args);
    } catch (TemplateException e) {
      throw e;
    } catch (TemplateFuncs.ArgCountException e) {
      throw execError(id.pos(), id.name(), e.getMessage());
    } catch (RuntimeException e) {
      throw execError(id.pos(), id.name(), "error calling " + id.name() + ": " + e.getMessage());
    }
  }

  private Object fieldChain(int pos, Object receiver, List<String> names, List<Object> args) {
    Object v = receiver;
    for (int i = 0; i < names.size(); i++) {
      boolean last = i == names.size() - 1;
      v = field(pos, v, names.get(i), last ? args : List.of());
    }
    return v;
  }

  private Object field(int pos, Object receiver, String name, List<Object> args) {
    if (receiver instanceof TemplateObject o) {
      Object v = args.isEmpty() ? o.field(name) : o.call(name, args);
      if (v == TemplateObject.MISSING) {
        throw execError(pos, "can't evaluate field " + name + " in type " + o.typeName());
      }
      return v;
    }
    if (receiver instanceof Map<?, ?> m) {
      if (!args.isEmpty()) {
        throw execError(pos, name + " is not a method but has arguments");
      }
      return m.containsKey(name) ? m.get(name) : GoValues.NO_VALUE;
    }
    if (receiver == null) {
      throw execError(pos, "nil pointer evaluating interface {}." + name);
    }
    if (receiver == GoValues.NO_VALUE) {
      return GoValues.NO_VALUE;
    }
    throw execError(pos, "can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
  }

  private Object[] lookup(int pos, String name) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(name)) {
        return vars.get(i).value();
      }
    }
    throw new TemplateException("template: :" + tmpl.location(pos).split(":")[0] + ": undefined variable \"" + name + "\"");
  }

  private String describe(Arg a) {
    if (a instanceof Literal l) {
      return GoValues.print(l.value());
    }
    return a instanceof Dot ? "." : a.toString();
  }

  private TemplateException execError(int pos, String msg) {
    int end = pos;
    while (end < tmpl.source(pos, Integer.MAX_VALUE).length() + pos) {
      String rest = tmpl.source(end, end + 1);
      if (rest.isEmpty() || rest.equals(" ") || rest.equals("}") || rest.equals(")") || rest.equals("|")) {
        break;
      }
      end++;
    }
    return execError(pos, tmpl.source(pos, end), msg);
  }

  /** Go's exec error: position, the node being run ({@code context}) and what went wrong. */
  private TemplateException execError(int pos, String context, String msg) {
    return new TemplateException("template: :" + tmpl.location(pos) + ": executing \"\" at <" + context + ">: " + msg);
  }
}
