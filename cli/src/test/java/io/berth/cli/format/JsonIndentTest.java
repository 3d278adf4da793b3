package io.berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonIndentTest {
  @Test
  void indent_rawDocument_keepsNumbersOrderAndEmptyContainers() {
    String raw = "[{\"b\":1.50,\"a\":[],\"c\":{},\"s\":\"x, {y}: \\\"z\\\"\"}\n]";
    assertThat(JsonIndent.indent(raw, "    ")).isEqualTo("""
        [
            {
                "b": 1.50,
                "a": [],
                "c": {},
                "s": "x, {y}: \\"z\\""
            }
        ]""");
  }

  @Test
  void compact_whitespace_isRemovedOutsideStrings() {
    assertThat(JsonIndent.compact("[ {\"a b\" : 1 } ]")).isEqualTo("[{\"a b\":1}]");
  }
}
