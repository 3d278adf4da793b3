package io.berth.cli.format;

/**
 * Go's {@code json.Indent}: re-indents JSON text without decoding it, so numbers, key order and
 * escapes stay exactly as the daemon sent them (docker inspect prints raw bytes this way).
 */
public final class JsonIndent {
  private JsonIndent() {}

  public static String indent(String src, String indent) {
    StringBuilder out = new StringBuilder(src.length() * 2);
    int depth = 0;
    boolean needIndent = false;
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (needIndent && c != '}' && c != ']') {
        needIndent = false;
        newline(out, indent, depth);
      }
      switch (c) {
        case '"' -> {
          int j = i + 1;
          while (j < src.length() && src.charAt(j) != '"') {
            j += src.charAt(j) == '\\' ? 2 : 1;
          }
          out.append(src, i, Math.min(j + 1, src.length()));
          i = j;
        }
        case '{', '[' -> {
          out.append(c);
          needIndent = true;
          depth++;
        }
        case ',' -> {
          out.append(c);
          newline(out, indent, depth);
        }
        case ':' -> out.append(": ");
        case '}', ']' -> {
          depth--;
          if (needIndent) {
            needIndent = false;
          } else {
            newline(out, indent, depth);
          }
          out.append(c);
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Go's {@code json.Compact}: the same text without insignificant whitespace. */
  public static String compact(String src) {
    StringBuilder out = new StringBuilder(src.length());
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '"') {
        int j = i + 1;
        while (j < src.length() && src.charAt(j) != '"') {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(src, i, Math.min(j + 1, src.length()));
        i = j;
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void newline(StringBuilder out, String indent, int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append(indent);
    }
  }
}
