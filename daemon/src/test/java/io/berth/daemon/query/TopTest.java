package io.berth.daemon.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopTest {
  @Test
  void parse_keepsTheContainersRows_andJoinsTheLastColumn() {
    String ps = """
        UID          PID    PPID  C STIME TTY          TIME CMD
        root           1       0  0 01:00 ?        00:00:01 /sbin/init
        root        1887    1876  0 01:54 ?        00:00:00 sleep 300 extra words
        """;
    var top = Top.parse(ps, Set.of(1887L));
    assertThat(top.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    assertThat(top.processes()).containsExactly(
        List.of("root", "1887", "1876", "0", "01:54", "?", "00:00:00", "sleep 300 extra words"));
    assertThatThrownBy(() -> Top.parse("USER COMMAND\nroot x\n", Set.of())).hasMessage("Couldn't find PID field in ps output");
  }
}
