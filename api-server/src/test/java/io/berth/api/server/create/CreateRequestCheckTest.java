package io.berth.api.server.create;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateRequestCheckTest {
  /** Bodies captured from the docker CLI 28.2.2, docker-py 7.1.0 and docker-java 3.6.0. */
  @ParameterizedTest
  @ValueSource(strings = {"cli-run-rm", "cli-run-it", "cli-create-options", "dockerpy-run",
      "dockerpy-low-level", "dockerjava"})
  void check_whatClientsSendByDefault_isAccepted(String capture) throws IOException {
    JsonNode body = resource(capture);
    assertThatCode(() -> CreateRequestCheck.check(body)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"HostConfig\":{\"KernelMemory\":10485760}}                 | --kernel-memory (HostConfig.KernelMemory)",
      "{\"HostConfig\":{\"StorageOpt\":{\"size\":\"1G\"}}}           | --storage-opt",
      "{\"HostConfig\":{\"CpuRealtimePeriod\":1000}}                | --cpu-rt-period",
      "{\"HostConfig\":{\"BlkioWeight\":300}}                        | --blkio-weight",
      "{\"HostConfig\":{\"Runtime\":\"crun\"}}                       | --runtime",
      "{\"HostConfig\":{\"UTSMode\":\"container:x\"}}                | --uts",
      "{\"HostConfig\":{\"SecurityOpt\":[\"apparmor=unconfined\"]}}  | --security-opt",
      "{\"HostConfig\":{\"IpcMode\":\"container:x\"}}                | --ipc",
      "{\"HostConfig\":{\"UsernsMode\":\"host\"}}                    | --userns",
      "{\"HostConfig\":{\"LogConfig\":{\"Type\":\"none\"}}}          | --log-driver",
      "{\"HostConfig\":{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{\"max-size\":\"1m\"}}}} | --log-driver",
      "{\"HostConfig\":{\"CgroupParent\":\"/x\"}}                    | --cgroup-parent",
      "{\"HostConfig\":{\"CpuCount\":2}}                             | --cpu-count",
      "{\"HostConfig\":{\"kernelmemory\":10485760}}                  | --kernel-memory",
      "{\"NetworkingConfig\":{\"EndpointsConfig\":{\"default\":{\"Links\":[\"a:b\"]}}}} | --link",
  })
  void check_unenforcedOption_isRefusedNamingIt(String body, String named) {
    assertThatThrownBy(() -> CreateRequestCheck.check(Json.tree(body.getBytes())))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith("berth does not support ")
        .hasMessageContaining(named);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0}}}",
      "{\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"\"}}}",
      "{\"HostConfig\":{\"MemorySwappiness\":-1,\"PidsLimit\":0,\"OomKillDisable\":false}}",
      "{\"HostConfig\":{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{}}}}",
      "{\"HostConfig\":{\"NetworkMode\":\"none\"},\"NetworkingConfig\":{\"EndpointsConfig\":{\"none\":{}}}}",
      "{\"Healthcheck\":{\"Test\":[\"NONE\"]}}",
      "{\"HostConfig\":{\"MaskedPaths\":null,\"IpcMode\":\"private\",\"CgroupnsMode\":\"host\"}}",
      "{\"Cmd\":\"echo hi\",\"Entrypoint\":[\"sh\",\"-c\"]}",
      "{\"Unknown\":5,\"HostConfig\":{\"AlsoUnknown\":[1]}}",
  })
  void check_defaultsAndEnforcedValues_areAccepted(String body) {
    assertThatCode(() -> CreateRequestCheck.check(Json.tree(body.getBytes()))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"Cmd\":5}                           | cannot unmarshal number into Go struct field CreateRequest.Config.Cmd of type string",
      "{\"Env\":\"x\"}                       | cannot unmarshal string into Go struct field CreateRequest.Config.Env of type []string",
      "{\"Env\":[1,2]}                       | cannot unmarshal number into Go struct field CreateRequest.Config.Env of type string",
      "{\"Tty\":\"yes\"}                     | cannot unmarshal string into Go struct field CreateRequest.Config.Tty of type bool",
      "{\"HostConfig\":{\"Memory\":\"1g\"}}  | cannot unmarshal string into Go struct field HostConfig.HostConfig.Resources.Memory of type int64",
      "{\"HostConfig\":5}                    | cannot unmarshal number into Go struct field CreateRequest.HostConfig of type container.HostConfig",
      "{\"HostConfig\":{\"Privileged\":1}} | cannot unmarshal number into Go struct field HostConfig.HostConfig.Privileged of type bool",
      "{\"Labels\":{\"a\":1}}                | cannot unmarshal number into Go struct field CreateRequest.Config.Labels of type string",
  })
  void check_wrongJsonType_isDockersDecodingError(String body, String message) {
    assertThatThrownBy(() -> CreateRequestCheck.check(Json.tree(body.getBytes())))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("invalid JSON: json: " + message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"sometimes\"}}} | invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
      "{\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"always\",\"MaximumRetryCount\":3}}} | invalid restart policy: maximum retry count can only be used with 'on-failure'",
  })
  void check_invalidRestartPolicy_isDockersWords(String body, String message) {
    assertThatThrownBy(() -> CreateRequestCheck.check(Json.tree(body.getBytes())))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(message);
  }

  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = CreateRequestCheckTest.class.getResourceAsStream("/create/" + name + ".json")) {
      return Json.tree(in.readAllBytes());
    }
  }
}
