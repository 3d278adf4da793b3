package io.berth.cli.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoParseTest {
  @Test
  void parseInt_baseZero_acceptsGoPrefixesAndUnderscores() {
    assertThat(GoParse.parseInt("42")).isEqualTo(42);
    assertThat(GoParse.parseInt("-7")).isEqualTo(-7);
    assertThat(GoParse.parseInt("+7")).isEqualTo(7);
    assertThat(GoParse.parseInt("0x1F")).isEqualTo(31);
    assertThat(GoParse.parseInt("0o17")).isEqualTo(15);
    assertThat(GoParse.parseInt("017")).isEqualTo(15);
    assertThat(GoParse.parseInt("0b101")).isEqualTo(5);
    assertThat(GoParse.parseInt("1_000")).isEqualTo(1000);
    assertThat(GoParse.parseInt("0")).isZero();
    assertThat(GoParse.parseInt("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(GoParse.parseInt("99999999999")).isEqualTo(99_999_999_999L);
  }

  @Test
  void parseInt_badInput_usesGoWords() {
    assertThatThrownBy(() -> GoParse.parseInt("abc")).hasMessage("strconv.ParseInt: parsing \"abc\": invalid syntax");
    assertThatThrownBy(() -> GoParse.parseInt("")).hasMessage("strconv.ParseInt: parsing \"\": invalid syntax");
    assertThatThrownBy(() -> GoParse.parseInt(" 5")).hasMessage("strconv.ParseInt: parsing \" 5\": invalid syntax");
    assertThatThrownBy(() -> GoParse.parseInt("1__0")).hasMessage("strconv.ParseInt: parsing \"1__0\": invalid syntax");
    assertThatThrownBy(() -> GoParse.parseInt("0x")).hasMessage("strconv.ParseInt: parsing \"0x\": invalid syntax");
    assertThatThrownBy(() -> GoParse.parseInt("9223372036854775808"))
        .hasMessage("strconv.ParseInt: parsing \"9223372036854775808\": value out of range");
    assertThatThrownBy(() -> GoParse.parseInt("-99999999999999999999"))
        .hasMessage("strconv.ParseInt: parsing \"-99999999999999999999\": value out of range");
  }

  @Test
  void parseUint_base10With16Bits_isThePortParser() {
    assertThat(GoParse.parseUint("65535", 10, 16)).isEqualTo(65535);
    assertThatThrownBy(() -> GoParse.parseUint("65536", 10, 16))
        .hasMessage("strconv.ParseUint: parsing \"65536\": value out of range");
    assertThatThrownBy(() -> GoParse.parseUint("+80", 10, 16))
        .hasMessage("strconv.ParseUint: parsing \"+80\": invalid syntax");
    assertThatThrownBy(() -> GoParse.parseUint("1_0", 10, 16))
        .hasMessage("strconv.ParseUint: parsing \"1_0\": invalid syntax");
  }

  @Test
  void ramInBytes_binaryUnitsInAnyCase() {
    assertThat(GoParse.ramInBytes("64m")).isEqualTo(64L << 20);
    assertThat(GoParse.ramInBytes("64MB")).isEqualTo(64L << 20);
    assertThat(GoParse.ramInBytes("64MiB")).isEqualTo(64L << 20);
    assertThat(GoParse.ramInBytes("1.5g")).isEqualTo(3L << 29);
    assertThat(GoParse.ramInBytes("2 k")).isEqualTo(2048);
    assertThat(GoParse.ramInBytes("10b")).isEqualTo(10);
    assertThat(GoParse.ramInBytes("1e3")).isEqualTo(1000);
    assertThat(GoParse.ramInBytes("0")).isZero();
    assertThat(GoParse.ramInBytes("1p")).isEqualTo(1L << 50);
  }

  @Test
  void ramInBytes_badInput_usesGoUnitsWords() {
    assertThatThrownBy(() -> GoParse.ramInBytes("abc")).hasMessage("invalid size: 'abc'");
    assertThatThrownBy(() -> GoParse.ramInBytes("-1")).hasMessage("invalid size: '-1'");
    assertThatThrownBy(() -> GoParse.ramInBytes("1x")).hasMessage("invalid suffix: 'x'");
    assertThatThrownBy(() -> GoParse.ramInBytes("1MX")).hasMessage("invalid suffix: 'mx'");
    assertThatThrownBy(() -> GoParse.ramInBytes("1kibb")).hasMessage("invalid suffix: 'kibb'");
    assertThatThrownBy(() -> GoParse.ramInBytes("1bb")).hasMessage("invalid suffix: 'bb'");
    assertThatThrownBy(() -> GoParse.ramInBytes("1.5.3k"))
        .hasMessage("strconv.ParseFloat: parsing \"1.5.3\": invalid syntax");
  }

  @Test
  void parseFloatAndZeroDuration_decideTheNoOpValues() {
    assertThat(GoParse.parseFloat("0.0")).isZero();
    assertThat(GoParse.parseFloat(".5")).isEqualTo(0.5);
    assertThat(GoParse.parseFloat("1_000.5")).isEqualTo(1000.5);
    assertThatThrownBy(() -> GoParse.parseFloat("1.5x")).hasMessage("strconv.ParseFloat: parsing \"1.5x\": invalid syntax");
    assertThatThrownBy(() -> GoParse.parseFloat("1e999")).hasMessage("strconv.ParseFloat: parsing \"1e999\": value out of range");
    assertThat(GoParse.isZeroDuration("0")).isTrue();
    assertThat(GoParse.isZeroDuration("0s")).isTrue();
    assertThat(GoParse.isZeroDuration("0h0m0.0s")).isTrue();
    assertThat(GoParse.isZeroDuration("1s")).isFalse();
    assertThat(GoParse.isZeroDuration("0x")).isFalse();
    assertThat(GoParse.isZeroDuration("")).isFalse();
  }
}
