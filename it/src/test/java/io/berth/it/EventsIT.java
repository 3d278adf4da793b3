package io.berth.it;

import static io.berth.it.DockerCliIT.dockerWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docker events: live, replayed with --since/--until, and filtered, in Docker's shapes. */
@Tag("privileged")
class EventsIT extends SharedDaemon {
  @BeforeAll
  static void busybox() throws Exception {
    daemon.bootstrapBusybox();
  }

  private static Cmd docker(String... args) throws Exception {
    return dockerWith(daemon, null, args);
  }

  @Test
  void containerLifecycle_isSeenLive_andReplayed() throws Exception {
    List<String> argv = new ArrayList<>(List.of(Prerequisites.DOCKER, "events", "--format",
        "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}{{with .Actor.Attributes.exitCode}} {{.}}{{end}}", "--filter", "type=container"));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().putAll(daemon.dockerEnv());
    Process live = pb.start();
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader = Thread.ofVirtual().start(() -> {
      try (var in = new BufferedReader(new InputStreamReader(live.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = in.readLine()) != null) {
          lines.add(l.strip());
        }
      } catch (java.io.IOException e) {
        // the process was ended
      }
    });
    try {
      // the subscription is in place once a first event arrives
      Wait.until(java.time.Duration.ofSeconds(20), () -> {
        docker("volume", "create", "evwarm");
        docker("run", "--rm", "--name", "evwarm", "busybox", "true");
        return lines.stream().anyMatch(l -> l.contains("evwarm"));
      }, "the live subscription");
      lines.clear();
      Cmd run = docker("run", "--rm", "--name", "evrun", "-l", "team=a", "busybox", "sh", "-c", "exit 3");
      assertThat(run.exit()).isEqualTo(3);
      Wait.until(java.time.Duration.ofSeconds(20), () -> lines.contains("container destroy evrun"), "destroy");
      assertThat(lines).containsSubsequence("container create evrun", "container start evrun", "container die evrun 3",
          "container destroy evrun");
      assertThat(lines).noneMatch(l -> l.startsWith("volume"));
    } finally {
      live.destroy();
      live.waitFor(10, TimeUnit.SECONDS);
      reader.join(5000);
    }

    // --until is whole seconds: what the current second holds shows once it has passed
    Cmd past = Wait.value(java.time.Duration.ofSeconds(10), () -> docker("events", "--since", "5m", "--until", "0s",
        "--filter", "container=evrun", "--filter", "event=die", "--format", "{{json .}}"), c -> !c.out().isEmpty(),
        "the die event in the past");
    assertThat(past.out().lines().toList()).hasSize(1).first().asString()
        .startsWith("{\"status\":\"die\",\"id\":\"").contains("\"from\":\"busybox\",\"Type\":\"container\",\"Action\":\"die\","
            + "\"Actor\":{\"ID\":\"").contains("\"exitCode\":\"3\"").contains("\"team\":\"a\"").contains("\"scope\":\"local\"");
    Cmd labelled = docker("events", "--since", "5m", "--until", "0s", "--filter", "label=team=a", "--format",
        "{{.Action}}");
    assertThat(labelled.out()).isEqualTo("create\nattach\nstart\ndie\ndestroy\n"); // docker run attaches before start
    Cmd volumes = docker("events", "--since", "5m", "--until", "0s", "--filter", "type=volume", "--format",
        "{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.driver}}");
    assertThat(volumes.out()).startsWith("create evwarm local\n");
    // the container's network: connected as it started, disconnected as it stopped
    String evrun = docker("events", "--since", "5m", "--until", "0s", "--filter", "container=evrun", "--filter",
        "event=destroy", "--format", "{{.Actor.ID}}").out().strip();
    Cmd network = docker("events", "--since", "5m", "--until", "0s", "--filter", "type=network", "--format",
        "{{.Action}} {{.Actor.Attributes.container}}");
    assertThat(network.out().lines()).contains("connect " + evrun, "disconnect " + evrun);
    docker("volume", "rm", "evwarm");
  }

  @Test
  void execStopAndRename_events() throws Exception {
    String id = docker("run", "-d", "--name", "evx", "busybox", "sleep", "300").out().strip();
    try {
      docker("exec", "evx", "true");
      docker("rename", "evx", "evy");
      docker("stop", "-t", "1", "evy");
      Cmd past = Wait.value(java.time.Duration.ofSeconds(10), () -> docker("events", "--since", "5m", "--until", "0s",
          "--filter", "container=" + id, "--format",
          "{{.Action}}|{{with .Actor.Attributes.signal}}{{.}}{{end}}|{{with .Actor.Attributes.oldName}}{{.}}{{end}}"),
          c -> c.out().contains("stop||"), "the stop event in the past");
      assertThat(past.out().lines().toList()).containsSubsequence("create||", "start||", "exec_create: true||",
          "exec_start: true||", "exec_die||", "rename||/evx", "kill|15|", "die||", "stop||");
      Cmd fuzzy = docker("events", "--since", "5m", "--until", "0s", "--filter", "container=" + id, "--filter",
          "event=exec_start", "--format", "{{.Action}}");
      assertThat(fuzzy.out()).isEqualTo("exec_start: true\n");
    } finally {
      docker("rm", "-f", id);
    }
  }

  @Test
  void imageTagUntagImportDelete_events() throws Exception {
    String busybox = docker("image", "inspect", "-f", "{{.Id}}", "busybox").out().strip();
    assertThat(docker("tag", "busybox", "evimg:1").exit()).isZero();
    assertThat(docker("rmi", "evimg:1").exit()).isZero();
    Cmd past = Wait.value(java.time.Duration.ofSeconds(10), () -> docker("events", "--since", "5m", "--until", "0s",
        "--filter", "type=image", "--format", "{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.name}}"),
        c -> c.out().contains("untag"), "the untag event");
    assertThat(past.out()).contains("tag " + busybox + " evimg:1\n").contains("untag " + busybox + " " + busybox + "\n");
  }
}
