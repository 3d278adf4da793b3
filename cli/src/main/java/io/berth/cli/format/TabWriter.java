package io.berth.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Elastic tab stops with the semantics of Go's {@code text/tabwriter} (flags 0, space padding):
 * tab-terminated cells form columns across consecutive lines; a column is as wide as its widest
 * cell plus padding, but at least {@code minWidth}; the last cell of a line is never padded.
 * Widths are display columns ({@link CellWidth}), as in docker's fork of the package.
 */
public final class TabWriter {
  private final int minWidth;
  private final int padding;
  private final StringBuilder text = new StringBuilder();

  public TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /** The tables of {@code ps}, {@code images} and friends. */
  public static TabWriter table() {
    return new TabWriter(10, 3);
  }

  public TabWriter write(String s) {
    text.append(s);
    return this;
  }

  /** Formats everything written so far. */
  public String flush() {
    String s = format(text.toString());
    text.setLength(0);
    return s;
  }

  private String format(String s) {
    List<List<String>> lines = new ArrayList<>();
    int start = 0;
    while (start <= s.length()) {
      int nl = s.indexOf('\n', start);
      String line = nl < 0 ? s.substring(start) : s.substring(start, nl);
      List<String> cells = new ArrayList<>();
      int c = 0;
      while (true) {
        int tab = line.indexOf('\t', c);
        if (tab < 0) {
          cells.add(line.substring(c));
          break;
        }
        cells.add(line.substring(c, tab));
        c = tab + 1;
      }
      lines.add(cells);
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    StringBuilder out = new StringBuilder(s.length() + 64);
    List<Integer> widths = new ArrayList<>();
    formatBlock(out, lines, widths, 0, lines.size());
    // The final line is the text after the last newline; it carries no newline of its own.
    out.setLength(out.length() - 1);
    return out.toString();
  }

  private int formatBlock(StringBuilder out, List<List<String>> lines, List<Integer> widths, int line0, int line1) {
    int column = widths.size();
    for (int i = line0; i < line1; i++) {
      if (column >= lines.get(i).size() - 1) {
        continue;
      }
      writeLines(out, lines, widths, line0, i);
      line0 = i;
      int width = minWidth;
      for (; i < line1; i++) {
        List<String> line = lines.get(i);
        if (column >= line.size() - 1) {
          break;
        }
        int w = displayWidth(line.get(column)) + padding;
        if (w > width) {
          width = w;
        }
      }
      widths.add(width);
      formatBlock(out, lines, widths, line0, i);
      widths.removeLast();
      line0 = i;
      i--;
    }
    writeLines(out, lines, widths, line0, line1);
    return line1;
  }

  private static void writeLines(StringBuilder out, List<List<String>> lines, List<Integer> widths, int from, int to) {
    for (int i = from; i < to; i++) {
      List<String> line = lines.get(i);
      for (int j = 0; j < line.size(); j++) {
        String cell = line.get(j);
        out.append(cell);
        if (j < widths.size() && j < line.size() - 1) {
          out.repeat(' ', widths.get(j) - displayWidth(cell));
        }
      }
      out.append('\n');
    }
  }

  /** Columns, as docker's tabwriter measures them: wide characters take two, controls none. */
  private static int displayWidth(String s) {
    return CellWidth.of(s);
  }
}
