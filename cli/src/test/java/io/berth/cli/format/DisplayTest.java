package io.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docker's Ellipsis, strconv.Quote and tabwriter cell widths, checked against docker 28.2.2's output. */
class DisplayTest {
  @Test
  void ellipsis_ascii_keepsNineteenColumnsAndTheEllipsis() {
    assertThat(Display.ellipsis("sh -c 'exit 3'", 20)).isEqualTo("sh -c 'exit 3'");
    assertThat(Display.ellipsis("echo 'a long command here'", 20)).isEqualTo("echo 'a long comman…");
    assertThat(Display.ellipsis("12345678901234567890", 20)).isEqualTo("12345678901234567890");
    assertThat(Display.ellipsis("abc", 1)).isEqualTo("a");
    assertThat(Display.ellipsis("", 1)).isEmpty();
    assertThat(Display.ellipsis("abc", 0)).isEmpty();
  }

  @Test
  void ellipsis_wideCharacters_countTwoColumns() {
    assertThat(Display.ellipsis("echo 日本語日本語日本語日本語日本語日本語", 20)).isEqualTo("echo 日本語日本語日…");
    assertThat(Display.ellipsis("x日本語日本語日本語日本語日本語日本語", 20)).isEqualTo("x日本語日本語日本語…");
    assertThat(Display.ellipsis("ｱｲｳｴｵｱｲｳｴｵｱｲｳｴｵｱｲｳｴｵｱｲｳ", 20)).isEqualTo("ｱｲｳｴｵｱｲｳｴｵｱｲｳｴｵｱｲｳｴ…");
    assertThat(Display.ellipsis("😀".repeat(25), 20)).isEqualTo("😀".repeat(9) + "…");
    assertThat(Display.ellipsis("a日", 20)).isEqualTo("a日");
    // docker keeps a string whose first character alone does not fit
    assertThat(Display.ellipsis("日本", 2)).isEqualTo("日本");
  }

  @Test
  void goQuote_escapesWhatGoDoesNotPrint() {
    assertThat(GoValues.goQuote("sh -c 'exit 3'")).isEqualTo("\"sh -c 'exit 3'\"");
    assertThat(GoValues.goQuote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(GoValues.goQuote("a\u00a0b\u200bc\u0001\u007f\u0085 é 😀")).isEqualTo("\"a\\u00a0b\\u200bc\\x01\\x7f\\u0085 é 😀\"");
    assertThat(GoValues.goQuote("\u0007\b\f\n\r\t\u000b")).isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\"");
    assertThat(GoValues.goQuote("\u3000\uD83D")).isEqualTo("\"\\u3000\uFFFD\"");
    assertThat(GoValues.goQuote("\uDB40\uDC01")).isEqualTo("\"\\U000e0001\"");
  }

  @Test
  void cellWidth_followsDockersTabwriter() {
    assertThat(CellWidth.of("\"sh -c 'exit 3'\"")).isEqualTo(16);
    assertThat(CellWidth.of("a\u0001b")).isEqualTo(2);
    assertThat(CellWidth.of("日本語")).isEqualTo(6);
    assertThat(CellWidth.of("e\u0301")).isEqualTo(1);
    assertThat(CellWidth.of("👨\u200d👩\u200d👧")).isEqualTo(2);
    assertThat(CellWidth.of("🇯🇵")).isEqualTo(1);
    assertThat(CellWidth.of("❤️")).isEqualTo(1);
    assertThat(CellWidth.of("é…")).isEqualTo(2);
  }

  @Test
  void tabWriter_wideCells_alignByColumns() {
    assertThat(TabWriter.table().write("日本語日本語\tx\nab\ty\n").flush())
        .isEqualTo("日本語日本語   x\nab             y\n");
  }
}
