package io.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TabWriterTest {
  @Test
  void flush_shortCells_padToMinWidthOfTen() {
    String out = TabWriter.table().write("A\tB\tC\nxx\tyyy\tz\n").flush();
    assertThat(out).isEqualTo("A         B         C\nxx        yyy       z\n");
  }

  @Test
  void flush_wideCells_padToWidestPlusThree() {
    String out = TabWriter.table().write("CONTAINER ID\tNAMES\n4c01db0b339c\tweb\n").flush();
    assertThat(out).isEqualTo("CONTAINER ID   NAMES\n4c01db0b339c   web\n");
  }

  @Test
  void flush_emptyCells_arePaddedLikeOthers() {
    String out = TabWriter.table().write("PORTS\tNAMES\n\tweb\n").flush();
    assertThat(out).isEqualTo("PORTS     NAMES\n          web\n");
  }

  @Test
  void flush_lineWithoutTabs_breaksTheColumnBlock() {
    String out = new TabWriter(1, 1).write("a\tb\nlonger line\nabcdef\tc\n").flush();
    assertThat(out).isEqualTo("a b\nlonger line\nabcdef c\n");
  }

  @Test
  void flush_multibyteCells_countRunesNotBytes() {
    String out = TabWriter.table().write("é…\tx\n").flush();
    assertThat(out).isEqualTo("é…        x\n");
  }

  @Test
  void flush_textWithoutTrailingNewline_isKeptAsIs() {
    assertThat(new TabWriter(20, 1).write(" Version:\t1").flush()).isEqualTo(" Version:           1");
  }
}
