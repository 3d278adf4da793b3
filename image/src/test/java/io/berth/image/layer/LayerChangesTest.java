package io.berth.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.image.layer.LayerChanges.Change;
import io.berth.linux.Fs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs root for the whiteout's mknod. */
@Tag("privileged")
class LayerChangesTest {
  @TempDir Path dir;

  @Test
  void of_upperAgainstLowers_asDockerDiffListsIt() throws Exception {
    Path lower = Files.createDirectories(dir.resolve("lower"));
    Files.createDirectories(lower.resolve("etc"));
    Files.writeString(lower.resolve("etc/group"), "root:x:0:\n");
    Files.writeString(lower.resolve("etc/passwd"), "root:x:0:0::/:/bin/sh\n");
    Files.createDirectories(lower.resolve("var"));
    Path upper = Files.createDirectories(dir.resolve("upper"));
    Files.createDirectories(upper.resolve("etc"));
    Fs.mknodChar(upper.resolve("etc/group"), 0, 0, 0);
    Files.writeString(upper.resolve("etc/passwd"), "changed\n");
    Files.writeString(upper.resolve("etc/hostname"), "");
    Files.createDirectories(upper.resolve("var"));
    Files.writeString(upper.resolve("etc/resolv.conf"), "");
    Files.createDirectories(upper.resolve("proc"));
    Files.createDirectories(upper.resolve("tmp"));
    Files.writeString(upper.resolve("tmp/new"), "x");

    List<Change> changes = LayerChanges.of(upper, List.of(lower));

    assertThat(changes).containsExactly(
        new Change("/etc", 0), new Change("/etc/group", 2), new Change("/etc/passwd", 0),
        new Change("/tmp", 1), new Change("/tmp/new", 1));
  }

  @Test
  void of_onlyRuncsMountPoints_noChanges() throws Exception {
    Path lower = Files.createDirectories(dir.resolve("lower/etc"));
    Path upper = Files.createDirectories(dir.resolve("upper/etc"));
    Files.writeString(upper.resolve("hosts"), "");
    Files.createDirectories(dir.resolve("upper/dev/shm"));

    assertThat(LayerChanges.of(dir.resolve("upper"), List.of(lower.getParent()))).isEmpty();
  }
}
