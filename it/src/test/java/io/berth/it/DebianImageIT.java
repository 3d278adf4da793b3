package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.http.client.ClientResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code berth image bootstrap debian:bookworm}: debootstrap from Debian's mirror, then a real run. */
@Tag("privileged")
class DebianImageIT {
  @Test
  void bootstrapDebian_runsBash() throws Exception {
    Prerequisites.require();
    try (BerthDaemon d = new BerthDaemon()) {
      try (ClientResponse r = d.client().request("POST", "/images/bootstrap?name=debian:bookworm",
          Map.of(), (byte[]) null)) {
        String body = r.text();
        assertThat(r.status()).isEqualTo(200);
        assertThat(body).doesNotContain("\"error\"").contains("sha256:");
      }
      var env = d.dockerEnv();
      Cmd r = Cmd.run(env, null, List.of(Prerequisites.DOCKER, "run", "--rm", "debian:bookworm",
          "bash", "-c", "cat /etc/debian_version; id -un; test -x /usr/bin/apt-get && echo apt"));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).matches("(?s)12\\.\\d+\\nroot\\napt\\n");
    }
  }
}
