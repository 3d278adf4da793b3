package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.http.client.ClientResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A container outlives a berthd killed with SIGKILL; the restarted daemon picks it up. */
@Tag("privileged")
class RestartIT {
  static Cmd docker(BerthDaemon d, String... args) throws Exception {
    var argv = new java.util.ArrayList<>(List.of(Prerequisites.DOCKER));
    argv.addAll(List.of(args));
    return Cmd.run(d.dockerEnv(), null, argv);
  }

  static int logLines(BerthDaemon d, String id) throws Exception {
    return docker(d, "logs", id).out().lines().toList().size();
  }

  /** Lines in conmon's log file, read directly: this works while berthd is down. */
  static long logFileLines(BerthDaemon d, String id) throws Exception {
    Path log = d.dataRoot().resolve("containers").resolve(id).resolve("container.log");
    try (var lines = Files.lines(log)) {
      return lines.count();
    }
  }

  @Test
  void sigkilledDaemon_containerKeepsRunningAndLogging() throws Exception {
    Prerequisites.require();
    try (BerthDaemon d = new BerthDaemon()) {
      d.bootstrapBusybox();
      String id = docker(d, "run", "-d", "busybox", "sh", "-c",
          "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.1; done").out().strip();
      Wait.until(Duration.ofSeconds(10), () -> logLines(d, id) >= 5, "five lines logged before the crash");
      d.kill();
      // conmon, not berthd, writes the log: it keeps growing while berthd is down
      long atKill = logFileLines(d, id);
      Wait.until(Duration.ofSeconds(10), () -> logFileLines(d, id) >= atKill + 5,
          "five more lines logged while berthd is down (from " + atKill + ")");
      d.start();
      Cmd inspect = docker(d, "inspect", "-f", "{{.State.Status}}", id);
      assertThat(inspect.out().strip()).as(d.log()).isEqualTo("running");
      int before = logLines(d, id);
      assertThat(before).isGreaterThanOrEqualTo((int) atKill + 5);
      Wait.until(Duration.ofSeconds(10), () -> logLines(d, id) > before,
          "more lines after the restart than the " + before + " before it");
      Cmd stop = docker(d, "stop", "-t", "1", id);
      assertThat(stop.exit()).as(stop.err()).isZero();
      assertThat(docker(d, "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", id).out().strip())
          .isEqualTo("exited 137");
    }
  }

  @Test
  void exitWhileDaemonDown_isReconciledOnStart() throws Exception {
    Prerequisites.require();
    try (BerthDaemon d = new BerthDaemon()) {
      d.bootstrapBusybox();
      String id = docker(d, "run", "-d", "busybox", "sh", "-c", "sleep 1; exit 7").out().strip();
      d.kill();
      // the container must end while berthd is down: wait for conmon's exit file, however long
      // the sleep takes on a loaded host
      Path exitFile = d.execRoot().resolve("exits").resolve(id);
      Wait.until(Duration.ofSeconds(20), () -> Files.exists(exitFile) && Files.size(exitFile) > 0,
          "conmon's exit file " + exitFile + " while berthd is down");
      Instant restart = Instant.now();
      d.start();
      assertThat(docker(d, "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", id).out().strip())
          .as(d.log()).isEqualTo("exited 7");
      // the end is when the container exited, not when berthd noticed
      String[] times = docker(d, "inspect", "-f", "{{.State.StartedAt}} {{.State.FinishedAt}}", id)
          .out().strip().split(" ");
      Instant started = Instant.parse(times[0]);
      Instant finished = Instant.parse(times[1]);
      assertThat(finished).isAfter(started).isBefore(restart);
      try (ClientResponse r = d.client().request("DELETE", "/containers/" + id, Map.of(), (byte[]) null)) {
        assertThat(r.status()).isEqualTo(204);
      }
    }
  }

  /** After a reboot, berthd starts the always and unless-stopped containers, not those stopped by hand. */
  @Test
  void reboot_startsAlwaysAndUnlessStopped_butNotWhatWasStoppedByHand() throws Exception {
    Prerequisites.require();
    try (BerthDaemon d = new BerthDaemon()) {
      d.bootstrapBusybox();
      String always = docker(d, "run", "-d", "--network", "none", "--restart", "always", "busybox", "sleep", "300")
          .out().strip();
      String unless = docker(d, "run", "-d", "--network", "none", "--restart", "unless-stopped", "busybox", "sleep",
          "300").out().strip();
      String stopped = docker(d, "run", "-d", "--network", "none", "--restart", "unless-stopped", "busybox", "sleep",
          "300").out().strip();
      String plain = docker(d, "run", "-d", "--network", "none", "busybox", "sleep", "300").out().strip();
      assertThat(docker(d, "stop", "-t", "0", stopped).exit()).isZero();
      d.kill();
      d.reboot();
      d.start();
      for (String id : List.of(always, unless)) {
        Wait.until(Duration.ofSeconds(30), () -> docker(d, "inspect", "-f", "{{.State.Status}}", id).out().strip()
            .equals("running"), id + " started again after the reboot, " + d.log());
      }
      assertThat(docker(d, "inspect", "-f", "{{.State.Status}}", stopped).out().strip()).isEqualTo("exited");
      assertThat(docker(d, "inspect", "-f", "{{.State.Status}}", plain).out().strip()).isEqualTo("exited");
      // and they run for real: an exec reaches them
      assertThat(docker(d, "exec", always, "true").exit()).isZero();
    }
  }

  /** Health checks go on after berthd comes back, and the health it had is kept. */
  @Test
  void healthChecks_surviveADaemonRestart() throws Exception {
    Prerequisites.require();
    try (BerthDaemon d = new BerthDaemon()) {
      d.bootstrapBusybox();
      String id = docker(d, "run", "-d", "--health-cmd", "true", "--health-interval", "100ms", "busybox", "sleep",
          "300").out().strip();
      Wait.until(Duration.ofSeconds(20), () -> docker(d, "inspect", "-f", "{{.State.Health.Status}}", id).out().strip()
          .equals("healthy") && docker(d, "inspect", "-f", "{{len .State.Health.Log}}", id).out().strip().equals("5"),
          "healthy, five probes logged");
      d.kill();
      d.start();
      assertThat(docker(d, "inspect", "-f", "{{.State.Health.Status}}", id).out().strip()).isEqualTo("healthy");
      String last = docker(d, "inspect", "-f", "{{(index .State.Health.Log 4).End}}", id).out().strip();
      Wait.until(Duration.ofSeconds(20), () -> !docker(d, "inspect", "-f", "{{(index .State.Health.Log 4).End}}", id)
          .out().strip().equals(last), "a probe after the restart");
    }
  }
}
