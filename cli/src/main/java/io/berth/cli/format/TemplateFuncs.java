package io.berth.cli.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
      "json", Builtin.FIRST,
      "split", Builtin.FIRST,
      "join", Builtin.FIRST,
      "title", Builtin.FIRST,
      "lower", Builtin.FIRST,
      "upper", Builtin.FIRST,
      "truncate", Builtin.FIRST);

  private TemplateFuncs() {}

  static Map<String, Func> standard() {
    return STANDARD;
  }

  static Map<String, Func> with(Map<String, Func> overrides) {
    Map<String, Func> m = new HashMap<>(STANDARD);
    m.putAll(overrides);
    return m;
  }

  private static Map<String, Func> build() {
    Map<String, Func> m = new HashMap<>();
    for (Builtin b : Builtin.values()) {
      if (b != Builtin.FIRST) {
        m.put(b.name().toLowerCase(Locale.ROOT), b);
      }
    }
    return Map.copyOf(m);
  }

  /**
   * The functions as one enum rather than a lambda each: every lambda is a class of its own to
   * spin (or to map from the AOT cache) when the table is built, and ps, images and inspect all
   * build it on start-up. The constant's name, lower-cased, is the function's.
   */
  private enum Builtin implements Func {
    JSON, SPLIT, JOIN, TITLE, LOWER, UPPER, PAD, TRUNCATE, LEN, INDEX, PRINT, PRINTLN, PRINTF, NOT, AND, OR,
    EQ, NE, LT, LE, GT, GE,
    /** Not a template function: the header stand-in that shows its argument unchanged. */
    FIRST;

    @Override
    public Object apply(List<Object> a) {
      return switch (this) {
        case JSON -> GoValues.json(arity(a, 1, "json").getFirst());
        case SPLIT -> new ArrayList<Object>(Arrays.asList(str(arity(a, 2, "split").get(0))
            .split(Pattern.quote(str(a.get(1))), -1)));
        case JOIN -> join(arity(a, 2, "join"));
        case TITLE -> title(str(arity(a, 1, "title").getFirst()));
        case LOWER -> str(arity(a, 1, "lower").getFirst()).toLowerCase(Locale.ROOT);
        case UPPER -> str(arity(a, 1, "upper").getFirst()).toUpperCase(Locale.ROOT);
        case PAD -> {
          String s = str(arity(a, 3, "pad").get(0));
          yield s.isEmpty() ? s : " ".repeat(num(a.get(1))) + s + " ".repeat(num(a.get(2)));
        }
        case TRUNCATE -> {
          String s = str(arity(a, 2, "truncate").get(0));
          int n = num(a.get(1));
          yield s.length() < n ? s : s.substring(0, n);
        }
        case LEN -> len(arity(a, 1, "len").getFirst());
        case INDEX -> index(a);
        case PRINT -> sprint(a, false);
        case PRINTLN -> sprint(a, true);
        case PRINTF -> GoPrintf.sprintf(str(a.getFirst()), a.subList(1, a.size()));
        case NOT -> !GoValues.truth(arity(a, 1, "not").getFirst());
        case AND -> {
          Object v = null;
          for (Object x : a) {
            v = x;
            if (!GoValues.truth(x)) {
              break;
            }
          }
          yield v;
        }
        case OR -> {
          Object v = null;
          for (Object x : a) {
            v = x;
            if (GoValues.truth(x)) {
              break;
            }
          }
          yield v;
        }
        case EQ -> {
          boolean eq = false;
          for (int i = 1; i < a.size() && !eq; i++) {
            eq = GoValues.compare(a.getFirst(), a.get(i)) == 0;
          }
          yield eq;
        }
        case NE -> GoValues.compare(arity(a, 2, "ne").get(0), a.get(1)) != 0;
        case LT -> GoValues.compare(arity(a, 2, "lt").get(0), a.get(1)) < 0;
        case LE -> GoValues.compare(arity(a, 2, "le").get(0), a.get(1)) <= 0;
        case GT -> GoValues.compare(arity(a, 2, "gt").get(0), a.get(1)) > 0;
        case GE -> GoValues.compare(arity(a, 2, "ge").get(0), a.get(1)) >= 0;
        case FIRST -> a.isEmpty() ? "" : a.getFirst();
      };
    }
  }

  private static String join(List<Object> a) {
    List<String> parts = new ArrayList<>();
    if (a.get(0) instanceof List<?> l) {
      for (Object x : l) {
        parts.add(GoValues.print(x));
      }
    } else if (a.get(0) != null && a.get(0) != GoValues.NO_VALUE) {
      throw new IllegalArgumentException("wrong type for value; expected []string; got " + GoValues.typeName(a.get(0)));
    }
    return String.join(str(a.get(1)), parts);
  }

  private static long len(Object v) {
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    } else if (v instanceof List<?> l) {
      return l.size();
    } else if (v instanceof Map<?, ?> mm) {
      return mm.size();
    }
    throw new IllegalArgumentException("len of type " + GoValues.typeName(v));
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
      throw new ArgCountException("wrong number of args for " + name + ": want " + n + " got " + a.size());
    }
    return a;
  }

  /** A call with the wrong number of arguments, which Go reports without "error calling". */
  static final class ArgCountException extends IllegalArgumentException {
    ArgCountException(String message) {
      super(message);
    }
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
