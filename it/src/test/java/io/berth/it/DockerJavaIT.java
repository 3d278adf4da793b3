package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docker-java (as Testcontainers uses it) against a real berthd. */
@Tag("privileged")
class DockerJavaIT extends SharedDaemon {
  static DockerClient client;

  @BeforeAll
  static void busyboxAndClient() throws Exception {
    daemon.bootstrapBusybox();
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(daemon.host()).build();
    var http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build();
    client = DockerClientImpl.getInstance(config, http);
  }

  @AfterAll
  static void closeClient() throws Exception {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void pingAndVersion_answer() {
    client.pingCmd().exec();
    assertThat(client.versionCmd().exec().getApiVersion()).isEqualTo("1.51");
    assertThat(client.infoCmd().exec().getOsType()).isEqualTo("linux");
  }

  @Test
  void container_createStartWaitLogsRemove() throws Exception {
    String id = client.createContainerCmd("busybox")
        .withCmd("sh", "-c", "echo from docker-java; exit 4").exec().getId();
    client.startContainerCmd(id).exec();
    int code = client.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
    assertThat(code).isEqualTo(4);
    var out = new StringBuilder();
    client.logContainerCmd(id).withStdOut(true).withStdErr(true)
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame f) {
            out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
          }
        }).awaitCompletion(30, TimeUnit.SECONDS);
    assertThat(out.toString()).isEqualTo("from docker-java\n");
    assertThat(client.inspectContainerCmd(id).exec().getState().getExitCodeLong()).isEqualTo(4L);
    client.removeContainerCmd(id).exec();
    assertThatThrownBy(() -> client.inspectContainerCmd(id).exec()).isInstanceOf(NotFoundException.class);
  }

  @Test
  void images_listAndInspect() {
    assertThat(client.listImagesCmd().exec())
        .anySatisfy(i -> assertThat(i.getRepoTags()).contains("busybox:latest"));
    assertThat(client.inspectImageCmd("busybox").exec().getId()).startsWith("sha256:");
    assertThatThrownBy(() -> client.inspectImageCmd("nosuch:1").exec()).isInstanceOf(NotFoundException.class);
  }
}
