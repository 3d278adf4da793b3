package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.http.client.ClientResponse;
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

  @Test
  void sigkilledDaemon_containerKeepsRunningAndLogging() throws Exception {
    Prerequisites.require();
    try (BerthDaemon d = new BerthDaemon()) {
      d.bootstrapBusybox();
      String id = docker(d, "run", "-d", "busybox", "sh", "-c",
          "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.1; done").out().strip();
      BerthDaemon.sleep(500);
      d.kill();
      BerthDaemon.sleep(700);
      d.start();
      Cmd inspect = docker(d, "inspect", "-f", "{{.State.Status}}", id);
      assertThat(inspect.out().strip()).as(d.log()).isEqualTo("running");
      int before = docker(d, "logs", id).out().lines().toList().size();
      assertThat(before).isGreaterThan(8);
      BerthDaemon.sleep(400);
      assertThat(docker(d, "logs", id).out().lines().toList().size()).isGreaterThan(before);
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
      BerthDaemon.sleep(1500);
      d.start();
      assertThat(docker(d, "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", id).out().strip())
          .isEqualTo("exited 7");
      try (ClientResponse r = d.client().request("DELETE", "/containers/" + id, Map.of(), (byte[]) null)) {
        assertThat(r.status()).isEqualTo(204);
      }
    }
  }
}
