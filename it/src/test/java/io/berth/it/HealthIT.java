package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Health checks: probes through exec, dockerd's states and events, the log of the last five. */
@Tag("privileged")
class HealthIT extends BusyboxSuite {

  private static String health(String name) throws Exception {
    return docker("inspect", "-f", "{{.State.Health.Status}}", name).out().strip();
  }

  @Test
  void failingThenPassing_goesUnhealthyThenHealthy_withEventsAndLog() throws Exception {
    long since = java.time.Instant.now().getEpochSecond();
    Cmd run = docker("run", "-d", "--name", "hc", "--health-cmd", "test -e /tmp/ok", "--health-interval", "100ms",
        "--health-retries", "2", "busybox", "sleep", "300");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(health("hc")).isIn("starting", "unhealthy");
    Wait.until(Duration.ofSeconds(20), () -> health("hc").equals("unhealthy"), "unhealthy after two failures");
    assertThat(docker("ps", "--filter", "name=hc", "--format", "{{.Status}}").out()).contains("(unhealthy)");
    assertThat(docker("exec", "hc", "touch", "/tmp/ok").exit()).isZero();
    Wait.until(Duration.ofSeconds(20), () -> health("hc").equals("healthy"), "healthy once the test passes");
    assertThat(docker("ps", "--filter", "name=hc", "--format", "{{.Status}}").out()).contains("(healthy)");
    Wait.until(Duration.ofSeconds(20), () -> docker("inspect", "-f", "{{len .State.Health.Log}}", "hc").out().strip()
        .equals("5"), "five probes logged");
    assertThat(docker("inspect", "-f", "{{.State.Health.FailingStreak}} {{(index .State.Health.Log 4).ExitCode}}", "hc")
        .out().strip()).isEqualTo("0 0");
    assertThat(docker("inspect", "-f", "{{json .Config.Healthcheck.Test}}", "hc").out().strip())
        .isEqualTo("[\"CMD-SHELL\",\"test -e /tmp/ok\"]");
    String actions = docker("events", "--since", Long.toString(since), "--until",
        Long.toString(java.time.Instant.now().getEpochSecond() + 1), "--filter", "container=hc", "--format",
        "{{.Action}}").out();
    assertThat(actions.lines()).contains("health_status: unhealthy", "health_status: healthy");
    assertThat(actions).contains("exec_start: /bin/sh -c test -e /tmp/ok");
  }

  @Test
  void slowProbe_timesOut_inDockersWords() throws Exception {
    docker("run", "-d", "--name", "slow", "--health-cmd", "sleep 5", "--health-interval", "100ms", "--health-timeout",
        "200ms", "--health-retries", "1", "busybox", "sleep", "300");
    Wait.until(Duration.ofSeconds(20), () -> health("slow").equals("unhealthy"), "unhealthy after a timeout");
    assertThat(docker("inspect", "-f", "{{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}",
        "slow").out().strip()).isEqualTo("-1 Health check exceeded timeout (200ms)");
  }

  @Test
  void berthFlags_andDockersRefusals() throws Exception {
    Cmd berth = BerthCliIT.berthWith(daemon, "", "run", "-d", "--name", "bh", "--health-cmd", "true",
        "--health-interval", "100ms", "busybox", "sleep", "300");
    assertThat(berth.exit()).as(berth.err()).isZero();
    Wait.until(Duration.ofSeconds(20), () -> health("bh").equals("healthy"), "healthy");
    Cmd negative = BerthCliIT.berthWith(daemon, "", "run", "--health-interval", "-1s", "busybox", "true");
    assertThat(negative.err()).contains("--health-interval cannot be negative");
    Cmd both = BerthCliIT.berthWith(daemon, "", "run", "--no-healthcheck", "--health-cmd", "true", "busybox", "true");
    assertThat(both.err()).contains("--no-healthcheck conflicts with --health-* options");
    try (var r = daemon.client().request("POST", "/v1.50/containers/create", java.util.Map.of("Content-Type",
        "application/json"), ("{\"Image\":\"busybox\",\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"],\"Interval\":10}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).contains("Interval in Healthcheck cannot be less than 1ms");
    }
    // none: no Health in inspect
    docker("run", "-d", "--name", "none", "--no-healthcheck", "busybox", "sleep", "300");
    assertThat(docker("inspect", "-f", "{{.State.Health}}", "none").out().strip()).isEqualTo("<nil>");
  }
}
