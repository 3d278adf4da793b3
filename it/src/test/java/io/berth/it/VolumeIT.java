package io.berth.it;

import static io.berth.it.DockerCliIT.dockerWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Volumes driven by the docker CLI: the volume commands, and containers mounting volumes and binds. */
@Tag("privileged")
class VolumeIT extends SharedDaemon {
  @BeforeAll
  static void busybox() throws Exception {
    daemon.bootstrapBusybox();
  }

  private static Cmd docker(String... args) throws Exception {
    return dockerWith(daemon, null, args);
  }

  @AfterEach
  void removeAll() throws Exception {
    String ids = docker("ps", "-aq").out().strip();
    if (!ids.isEmpty()) {
      docker(java.util.stream.Stream.concat(java.util.stream.Stream.of("rm", "-f", "-v"), ids.lines()).toArray(String[]::new));
    }
    String names = docker("volume", "ls", "-q").out().strip();
    if (!names.isEmpty()) {
      docker(java.util.stream.Stream.concat(java.util.stream.Stream.of("volume", "rm", "-f"), names.lines()).toArray(String[]::new));
    }
  }

  @Test
  void volumeCommands_createListInspectRemovePrune() throws Exception {
    assertThat(docker("volume", "create", "data").out()).isEqualTo("data\n");
    assertThat(docker("volume", "create", "--label", "tier=db", "data2").out()).isEqualTo("data2\n");
    String anonymous = docker("volume", "create").out().strip();
    assertThat(anonymous).matches("[0-9a-f]{64}");
    // a second create of a name answers with the volume there is
    Cmd again = docker("volume", "create", "--label", "other=1", "data");
    assertThat(again.out()).as(again.err()).isEqualTo("data\n");

    Cmd ls = docker("volume", "ls", "--filter", "name=data");
    assertThat(ls.out()).isEqualTo("DRIVER    VOLUME NAME\nlocal     data\nlocal     data2\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "label=tier=db").out()).isEqualTo("data2\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "label=com.docker.volume.anonymous").out())
        .isEqualTo(anonymous + "\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "dangling=false").out()).isEmpty();

    Cmd inspect = docker("volume", "inspect", "data");
    assertThat(inspect.out()).matches("(?s)\\[\n    \\{\n        \"CreatedAt\": \"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}(Z|[+-][0-9:]{5})\",\n"
        + "        \"Driver\": \"local\",\n        \"Labels\": null,\n        \"Mountpoint\": \"\\Q"
        + daemon.dataRoot().resolve("volumes/data/_data") + "\\E\",\n        \"Name\": \"data\",\n"
        + "        \"Options\": null,\n        \"Scope\": \"local\"\n    }\n]\n");
    assertThat(docker("volume", "inspect", "-f", "{{.Labels}}", "data2").out()).isEqualTo("map[tier:db]\n");

    Cmd shortName = docker("volume", "create", "a");
    assertThat(shortName.exit()).isEqualTo(1);
    assertThat(shortName.err()).isEqualTo("Error response from daemon: create a: volume name is too short, names"
        + " should be at least two alphanumeric characters\n");
    Cmd badName = docker("volume", "create", "a/b");
    assertThat(badName.err()).contains("create a/b: \"a/b\" includes invalid characters for a local volume name");
    Cmd badOption = docker("volume", "create", "-o", "foo=bar", "xx");
    assertThat(badOption.err()).isEqualTo("Error response from daemon: create xx: invalid option: \"foo\"\n");
    assertThat(docker("volume", "create", "-o", "type=tmpfs", "xx").err())
        .isEqualTo("Error response from daemon: create xx: missing required option: \"device\"\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "name=xx").out()).isEmpty();

    Cmd missing = docker("volume", "rm", "nosuch");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Error response from daemon: get nosuch: no such volume\n");
    assertThat(docker("volume", "rm", "-f", "nosuch").exit()).isZero();
    Cmd rm = docker("volume", "rm", "data");
    assertThat(rm.out()).as(rm.err()).isEqualTo("data\n");
    assertThat(daemon.dataRoot().resolve("volumes/data")).doesNotExist();

    // prune takes anonymous volumes only, unless asked for all
    Cmd prune = docker("volume", "prune", "-f");
    assertThat(prune.out()).as(prune.err()).isEqualTo("Deleted Volumes:\n" + anonymous + "\n\nTotal reclaimed space: 0B\n");
    Files.writeString(daemon.dataRoot().resolve("volumes/data2/_data/f"), "12345");
    Cmd all = docker("volume", "prune", "-a", "-f");
    assertThat(all.out()).as(all.err()).isEqualTo("Deleted Volumes:\ndata2\n\nTotal reclaimed space: 5B\n");
    assertThat(docker("volume", "ls", "-q").out()).isEmpty();
  }

  @Test
  void systemDf_countsVolumesAndTheirSizes() throws Exception {
    docker("volume", "create", "sized");
    Files.write(daemon.dataRoot().resolve("volumes/sized/_data/f"), new byte[2000]);
    Cmd df = docker("system", "df", "-v");
    assertThat(df.out()).as(df.err()).contains("Local Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\nsized         0         2kB\n");
    assertThat(docker("system", "df", "--format", "{{.Type}} {{.TotalCount}} {{.Size}}").out())
        .contains("Local Volumes 1 2kB\n");
    assertThat(Path.of(daemon.dataRoot().toString(), "volumes", "sized", "_data")).isDirectory();
  }
}
