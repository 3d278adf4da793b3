package io.berth.cli.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagParserTest {
  private static FlagSet runLike() {
    return new FlagSet().bool("d", "detach", "").bool("i", "interactive", "").list("e", "env", "")
        .string(null, "name", "").bool(null, "rm", "").stopAtFirstArg();
  }

  private static FlagSet psLike() {
    return new FlagSet().bool("a", "all", "").bool("q", "quiet", "").value("n", "last", "int", "-1", "");
  }

  @Test
  void parse_runStyle_stopsAtImage() {
    Parsed p = FlagParser.parse(runLike(), List.of("-d", "--name", "x", "busybox", "ls", "-d", "--rm"));
    assertThat(p.bool("detach")).isTrue();
    assertThat(p.bool("rm")).isFalse();
    assertThat(p.string("name", null)).isEqualTo("x");
    assertThat(p.args()).containsExactly("busybox", "ls", "-d", "--rm");
  }

  @Test
  void parse_repeatedListFlag_keepsEveryValueInOrder() {
    Parsed p = FlagParser.parse(runLike(), List.of("-e", "A=1", "--env=B=2", "-eC", "img"));
    assertThat(p.list("env")).containsExactly("A=1", "B=2", "C");
  }

  @Test
  void parse_clusteredShortFlags_setEach() {
    Parsed p = FlagParser.parse(runLike(), List.of("-di", "img"));
    assertThat(p.bool("detach")).isTrue();
    assertThat(p.bool("interactive")).isTrue();
  }

  @Test
  void parse_boolWithExplicitValue_acceptsGoBooleans() {
    assertThat(FlagParser.parse(runLike(), List.of("--rm=false", "img")).bool("rm")).isFalse();
    assertThat(FlagParser.parse(runLike(), List.of("--rm=true", "img")).bool("rm")).isTrue();
    assertThatThrownBy(() -> FlagParser.parse(runLike(), List.of("--rm=maybe", "img")))
        .hasMessage("invalid argument \"maybe\" for \"--rm\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax");
  }

  @Test
  void parse_interspersed_acceptsFlagsAfterArguments() {
    Parsed p = FlagParser.parse(psLike(), List.of("x", "-a", "y"));
    assertThat(p.bool("all")).isTrue();
    assertThat(p.args()).containsExactly("x", "y");
  }

  @Test
  void parse_doubleDash_endsFlags() {
    assertThat(FlagParser.parse(psLike(), List.of("--", "-a")).args()).containsExactly("-a");
  }

  @Test
  void parse_help_returnsHelpMarker() {
    assertThat(FlagParser.parse(psLike(), List.of("--help"))).isSameAs(FlagParser.HELP);
    assertThat(FlagParser.parse(psLike(), List.of("-h"))).isSameAs(FlagParser.HELP);
  }

  @Test
  void parse_unknownFlags_useDockerWording() {
    assertThatThrownBy(() -> FlagParser.parse(psLike(), List.of("--foo=1"))).hasMessage("unknown flag: --foo");
    assertThatThrownBy(() -> FlagParser.parse(psLike(), List.of("-aqz"))).hasMessage("unknown shorthand flag: 'z' in -aqz");
    assertThatThrownBy(() -> FlagParser.parse(psLike(), List.of("--last"))).hasMessage("flag needs an argument: --last");
  }

  @Test
  void integer_negativeValue_parses() {
    assertThat(FlagParser.parse(psLike(), List.of("-n", "-1")).integer("last", 0)).isEqualTo(-1);
    assertThat(FlagParser.parse(psLike(), List.of()).integer("last", -1)).isEqualTo(-1);
  }
}
