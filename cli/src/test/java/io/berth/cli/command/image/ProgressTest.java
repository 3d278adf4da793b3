package io.berth.cli.command.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.stream.JsonMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Progress progress(boolean terminal, int width) {
    return new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, width, () -> 0L);
  }

  private static JsonMessage layer(String id, String status, Map<String, Object> detail) {
    return new JsonMessage(status, id, null, detail, null, null, null);
  }

  private String out() {
    return bytes.toString(StandardCharsets.UTF_8).replace("\u001b", "ESC");
  }

  @Test
  void terminal_eachLayerKeepsItsLine_redrawnInPlace() {
    Progress p = progress(true, 120);
    p.accept(new JsonMessage("Pulling from library/busybox", "latest", null, null, null, null, null));
    p.accept(layer("aaa", "Pulling fs layer", Map.of()));
    p.accept(layer("bbb", "Pulling fs layer", Map.of()));
    p.accept(layer("aaa", "Downloading", Map.of("current", 1000, "total", 2000)));
    p.accept(JsonMessage.status("Digest: sha256:x"));

    assertThat(out()).isEqualTo("latest: Pulling from library/busybox\n"
        + "\nESC[1AESC[2K\raaa: Pulling fs layer \rESC[1B"
        + "\nESC[1AESC[2K\rbbb: Pulling fs layer \rESC[1B"
        + "ESC[2AESC[2K\raaa: Downloading [=========================>" + " ".repeat(25) + "]      1kB/2kB\rESC[2B"
        + "Digest: sha256:x\n");
  }

  @Test
  void notATerminal_plainLinesWithoutCounts_andAuxIsSilent() {
    Progress p = progress(false, 200);
    p.accept(layer("aaa", "Pulling fs layer", Map.of()));
    p.accept(layer("aaa", "Downloading", Map.of("current", 1000, "total", 2000)));
    p.accept(layer("aaa", "Pull complete", Map.of()));
    p.accept(new JsonMessage(null, null, null, null, null, null, Map.of("Tag", "1")));

    assertThat(out()).isEqualTo("aaa: Pulling fs layer\naaa: Pull complete\n");
  }
}
