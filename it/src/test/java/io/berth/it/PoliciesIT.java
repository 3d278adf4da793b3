package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Restart policies: dockerd's decisions, counts, states, and what stops them. */
@Tag("privileged")
class PoliciesIT extends BusyboxSuite {

  private static String inspect(String format, String name) throws Exception {
    return docker("inspect", "-f", format, name).out().strip();
  }

  @Test
  void always_restartsUntilStopped() throws Exception {
    assertThat(docker("run", "-d", "--name", "ra", "--restart", "always", "busybox", "sh", "-c", "exit 3").exit())
        .isZero();
    Wait.until(Duration.ofSeconds(20), () -> Integer.parseInt(inspect("{{.RestartCount}}", "ra")) >= 3,
        "three restarts");
    assertThat(inspect("{{.HostConfig.RestartPolicy.Name}} {{.State.ExitCode}}", "ra")).isEqualTo("always 3");
    assertThat(docker("stop", "ra").exit()).isZero();
    String count = inspect("{{.RestartCount}}", "ra");
    assertThat(inspect("{{.State.Status}} {{.State.Restarting}}", "ra")).isEqualTo("exited false");
    // stopped by hand: the policy lets it be
    assertThat(inspect("{{.RestartCount}}", "ra")).isEqualTo(count);
    assertThat(docker("ps", "-q", "--filter", "name=ra").out()).isEmpty();
  }

  @Test
  void onFailure_countsItsRetries_andIgnoresSuccess() throws Exception {
    docker("run", "-d", "--name", "rf", "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 4");
    Wait.until(Duration.ofSeconds(20), () -> inspect("{{.State.Status}} {{.RestartCount}}", "rf").equals("exited 2"),
        "two retries, then rest");
    docker("run", "-d", "--name", "ok", "--restart", "on-failure", "busybox", "true");
    Wait.until(Duration.ofSeconds(20), () -> inspect("{{.State.Status}}", "ok").equals("exited"), "its exit");
    assertThat(inspect("{{.RestartCount}}", "ok")).isEqualTo("0");
    // a start by hand counts from nothing again
    docker("start", "rf");
    Wait.until(Duration.ofSeconds(20), () -> inspect("{{.State.Status}} {{.RestartCount}}", "rf").equals("exited 2"),
        "two more retries after the start by hand");
  }

  @Test
  void update_changesThePolicy_andAutoRemoveRefusesOne() throws Exception {
    docker("run", "-d", "--name", "up", "busybox", "sleep", "300");
    Cmd up = docker("update", "--restart", "on-failure:5", "up");
    assertThat(up.exit()).as(up.err()).isZero();
    assertThat(inspect("{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}", "up"))
        .isEqualTo("on-failure:5");
    docker("run", "-d", "--rm", "--name", "gone", "busybox", "sleep", "300");
    Cmd auto = docker("update", "--restart", "always", "gone");
    assertThat(auto.err()).contains("Restart policy cannot be updated because AutoRemove is enabled for the container");
    try (var r = daemon.client().request("POST", "/v1.50/containers/create", java.util.Map.of("Content-Type",
        "application/json"), ("{\"Image\":\"busybox\",\"HostConfig\":{\"AutoRemove\":true,\"RestartPolicy\":"
        + "{\"Name\":\"always\"}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).contains("can't create 'AutoRemove' container with restart policy");
    }
    Cmd berth = BerthCliIT.berthWith(daemon, "", "run", "-d", "--name", "bre", "--restart", "on-failure:1", "busybox",
        "sh", "-c", "exit 1");
    assertThat(berth.exit()).as(berth.err()).isZero();
    Wait.until(Duration.ofSeconds(20), () -> inspect("{{.State.Status}} {{.RestartCount}}", "bre").equals("exited 1"),
        "one retry");
  }
}
