package io.berth.cli.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Go's builtin template functions plus docker's additions (json, join, split, upper, pad...). */
public final class TemplateFuncs {
  /** A template function; arguments arrive evaluated, a piped value last. */
  @FunctionalInterface
  public interface Func {
    Object apply(List<Object> args);
  }

  private static final Map<String, Func> STANDARD = build();

  /** Docker's table headers run the row template with these, so {@code {{json .X}}} prints X's header. */
  public static final Map<String, Func> HEADER = Map.of(
      "json", a -> first(a),
      "split", a -> first(a),
      "join", a -> first(a),
      "title", a -> first(a),
      "lower", a -> first(a),
      "upper", a -> first(a),
      "truncate", a -> first(a));

  private TemplateFuncs() {}

  static Map<String, Func> standard() {
    return STANDARD;
  }

  static Map<String, Func> with(Map<String, Func> overrides) {
    Map<String, Func> m = new HashMap<>(STANDARD);
    m.putAll(overrides);
    return m;
  }

  private static Object first(List<Object> a) {
    return a.isEmpty() ? "" : a.getFirst();
  }

  private static Map<String, Func> build() {
    Map<String, Func> m = new HashMap<>();
    m.put("json", a -> GoValues.json(arity(a, 1, "json").getFirst()));
    m.put("split", a -> new ArrayList<Object>(java.util.Arrays.asList(str(arity(a, 2, "split").get(0))
        .split(java.util.regex.Pattern.quote(str(a.get(1))), -1))));
    m.put("join", a -> {
      arity(a, 2, "join");
      List<String> parts = new ArrayList<>();
      if (a.get(0) instanceof List<?> l) {
        l.forEach(x -> parts.add(GoValues.print(x)));
      } else if (a.get(0) != null && a.get(0) != GoValues.NO_VALUE) {
        throw new IllegalArgumentException("wrong type for value; expected []string; got " + GoValues.typeName(a.get(0)));
      }
      return String.join(str(a.get(1)), parts);
    });
    m.put("title", a -> title(str(arity(a, 1, "title").getFirst())));
    m.put("lower", a -> str(arity(a, 1, "lower").getFirst()).toLowerCase(java.util.Locale.ROOT));
    m.put("upper", a -> str(arity(a, 1, "upper").getFirst()).toUpperCase(java.util.Locale.ROOT));
    m.put("pad", a -> {
      String s = str(arity(a, 3, "pad").get(0));
      return s.isEmpty() ? s : " ".repeat(num(a.get(1))) + s + " ".repeat(num(a.get(2)));
    });
    m.put("truncate", a -> {
      String s = str(arity(a, 2, "truncate").get(0));
      int n = num(a.get(1));
      return s.length() < n ? s : s.substring(0, n);
    });
    m.put("len", a -> {
      Object v = arity(a, 1, "len").getFirst();
      if (v instanceof String s) {
        return (long) s.getBytes(StandardCharsets.UTF_8).length;
      } else if (v instanceof List<?> l) {
        return (long) l.size();
      } else if (v instanceof Map<?, ?> mm) {
        return (long) mm.size();
      }
      throw new IllegalArgumentException("len of type " + GoValues.typeName(v));
    });
    m.put("index", TemplateFuncs::index);
    m.put("print", a -> sprint(a, false));
    m.put("println", a -> sprint(a, true));
    m.put("printf", a -> GoPrintf.sprintf(str(a.getFirst()), a.subList(1, a.size())));
    m.put("not", a -> !GoValues.truth(arity(a, 1, "not").getFirst()));
    m.put("and", a -> {
      Object v = null;
      for (Object x : a) {
        v = x;
        if (!GoValues.truth(x)) {
          return x;
        }
      }
      return v;
    });
    m.put("or", a -> {
      Object v = null;
      for (Object x : a) {
        v = x;
        if (GoValues.truth(x)) {
          return x;
        }
      }
      return v;
    });
    m.put("eq", a -> {
      for (int i = 1; i < a.size(); i++) {
        if (GoValues.compare(a.getFirst(), a.get(i)) == 0) {
          return true;
        }
      }
      return false;
    });
    m.put("ne", a -> GoValues.compare(arity(a, 2, "ne").get(0), a.get(1)) != 0);
    m.put("lt", a -> GoValues.compare(arity(a, 2, "lt").get(0), a.get(1)) < 0);
    m.put("le", a -> GoValues.compare(arity(a, 2, "le").get(0), a.get(1)) <= 0);
    m.put("gt", a -> GoValues.compare(arity(a, 2, "gt").get(0), a.get(1)) > 0);
    m.put("ge", a -> GoValues.compare(arity(a, 2, "ge").get(0), a.get(1)) >= 0);
    return Map.copyOf(m);
  }

  private static Object index(List<Object> a) {
    Object v = a.getFirst();
    for (Object k : a.subList(1, a.size())) {
      if (v instanceof Map<?, ?> m) {
        v = m.containsKey(String.valueOf(k)) ? m.get(String.valueOf(k)) : "";
      } else if (v instanceof List<?> l) {
        int i = num(k);
        if (i < 0 || i >= l.size()) {
          throw new IllegalArgumentException("index out of range: " + i);
        }
        v = l.get(i);
      } else if (v == null) {
        throw new IllegalArgumentException("index of untyped nil");
      } else {
        throw new IllegalArgumentException("can't index item of type " + GoValues.typeName(v));
      }
    }
    return v;
  }

  private static String sprint(List<Object> a, boolean ln) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      boolean space = ln ? i > 0 : i > 0 && !(a.get(i) instanceof String) && !(a.get(i - 1) instanceof String);
      if (space) {
        sb.append(' ');
      }
      sb.append(GoValues.print(a.get(i)));
    }
    if (ln) {
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean prevLetter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(prevLetter ? c : Character.toTitleCase(c));
      prevLetter = Character.isLetterOrDigit(c) || c == '_' || c == '\'';
    }
    return sb.toString();
  }

  private static List<Object> arity(List<Object> a, int n, String name) {
    if (a.size() != n) {
      throw new IllegalArgumentException("wrong number of args for " + name + ": want " + n + " got " + a.size());
    }
    return a;
  }

  static String str(Object o) {
    return o instanceof String s ? s : GoValues.print(o);
  }

  static int num(Object o) {
    if (o instanceof Number n) {
      return n.intValue();
    }
    throw new IllegalArgumentException("expected integer; found " + GoValues.print(o));
  }
}
