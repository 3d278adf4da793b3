package io.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final Map<String, Object> DATA = data();

  private static Map<String, Object> data() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Status", "running");
    state.put("Running", true);
    state.put("Pid", 42L);
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("b", "2");
    labels.put("a", "1");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", "abc");
    m.put("State", state);
    m.put("Labels", labels);
    m.put("Cmd", List.of("sh", "-c", "echo hi"));
    m.put("Empty", List.of());
    m.put("Nothing", null);
    return m;
  }

  private static String run(String t) {
    return Template.parse(t).execute(DATA);
  }

  @Test
  void execute_nestedFields_printsValues() {
    assertThat(run("{{.Id}} {{.State.Status}} {{.State.Running}} {{.State.Pid}}")).isEqualTo("abc running true 42");
  }

  @Test
  void execute_listsAndMaps_printLikeGoFmt() {
    assertThat(run("{{.Cmd}} {{.Labels}} {{.Empty}} {{.Nothing}}")).isEqualTo("[sh -c echo hi] map[a:1 b:2] [] <nil>");
  }

  @Test
  void execute_missingKey_printsNoValue() {
    assertThat(run("{{.Missing}}|{{.Missing.Deeper}}")).isEqualTo("<no value>|<no value>");
  }

  @Test
  void execute_json_keepsOrderAndDoesNotEscapeHtml() {
    assertThat(run("{{json .Labels}} {{json .Cmd}} {{json \"<a&b>\"}}"))
        .isEqualTo("{\"b\":\"2\",\"a\":\"1\"} [\"sh\",\"-c\",\"echo hi\"] \"<a&b>\"");
    assertThat(run("{{.State | json}}")).isEqualTo("{\"Status\":\"running\",\"Running\":true,\"Pid\":42}");
  }

  @Test
  void execute_indexJoinUpperLowerLen_work() {
    assertThat(run("{{index .Labels \"a\"}} {{join .Cmd \",\"}} {{upper .Id}} {{lower \"ABC\"}} {{len .Cmd}}"))
        .isEqualTo("1 sh,-c,echo hi ABC abc 3");
  }

  @Test
  void execute_ifElseAndComparisons_chooseBranch() {
    assertThat(run("{{if .State.Running}}up{{else}}down{{end}}")).isEqualTo("up");
    assertThat(run("{{if eq .State.Status \"exited\"}}x{{else if eq .State.Pid 42}}pid{{else}}y{{end}}")).isEqualTo("pid");
    assertThat(run("{{if .Empty}}a{{else}}b{{end}}{{if not .Nothing}}c{{end}}")).isEqualTo("bc");
    assertThat(run("{{if and .State.Running (gt .State.Pid 1)}}ok{{end}}")).isEqualTo("ok");
  }

  @Test
  void execute_rangeWithVariablesAndElse_iterates() {
    assertThat(run("{{range .Cmd}}[{{.}}]{{end}}")).isEqualTo("[sh][-c][echo hi]");
    assertThat(run("{{range $i, $c := .Cmd}}{{$i}}={{$c}} {{end}}")).isEqualTo("0=sh 1=-c 2=echo hi ");
    assertThat(run("{{range $k, $v := .Labels}}{{$k}}{{$v}}{{end}}")).isEqualTo("a1b2");
    assertThat(run("{{range .Empty}}x{{else}}none{{end}}")).isEqualTo("none");
  }

  @Test
  void execute_withAndVariables_rebindDot() {
    assertThat(run("{{with .State}}{{.Status}}{{end}}{{$x := .Id}} {{$x}} {{$.Id}}")).isEqualTo("running abc abc");
  }

  @Test
  void execute_trimMarkersAndComments_dropWhitespace() {
    assertThat(run("a  {{- .Id -}}  b{{/* hidden */}}")).isEqualTo("aabcb");
  }

  @Test
  void execute_printlnAndPrintf_formatLikeGo() {
    assertThat(run("{{println .Id .State.Pid}}")).isEqualTo("abc 42\n");
    assertThat(run("{{printf \"%s:%5d|%-4s|\" .Id .State.Pid \"x\"}}")).isEqualTo("abc:   42|x   |");
  }

  @Test
  void execute_unknownFieldOnObject_failsWithGoMessage() {
    TemplateObject row = new TemplateObject() {
      @Override
      public Object field(String name) {
        return name.equals("ID") ? "x" : MISSING;
      }

      @Override
      public Map<String, Object> toJson() {
        return Map.of("ID", "x");
      }

      @Override
      public String typeName() {
        return "*formatter.ContainerContext";
      }
    };
    assertThatThrownBy(() -> Template.parse("{{.ID}} {{.Foo}}").execute(row))
        .hasMessage("template: :1:10: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext");
  }

  @Test
  void parse_unclosedAction_fails() {
    assertThatThrownBy(() -> Template.parse("{{.Id")).isInstanceOf(TemplateException.class);
    assertThatThrownBy(() -> Template.parse("{{if .Id}}x")).hasMessageContaining("unexpected EOF");
    assertThatThrownBy(() -> Template.parse("{{nosuch .Id}}").execute(DATA)).hasMessageContaining("function \"nosuch\" not defined");
  }

  @Test
  void execute_wrongArgumentCount_usesGoWordsWithoutErrorCalling() {
    assertThatThrownBy(() -> run("{{json}}"))
        .hasMessage("template: :1:2: executing \"\" at <json>: wrong number of args for json: want 1 got 0");
    assertThatThrownBy(() -> run("{{upper .Id .Id}}"))
        .hasMessage("template: :1:2: executing \"\" at <upper>: wrong number of args for upper: want 1 got 2");
    assertThatThrownBy(() -> run("{{json.Id}}"))
        .hasMessage("template: :1:2: executing \"\" at <json>: wrong number of args for json: want 1 got 0");
  }
}
