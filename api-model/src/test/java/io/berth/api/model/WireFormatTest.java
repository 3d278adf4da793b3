package io.berth.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import io.berth.api.model.container.WaitResponse;
import io.berth.api.model.image.ImageSummary;
import io.berth.api.model.system.Info;
import io.berth.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Docker's field names and nulls, which clients read literally. */
class WireFormatTest {
  // what docker 28's CLI sends for `docker run --rm -e A=1 busybox echo hi` (abridged)
  private static final String CREATE = """
      {"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":true,
       "AttachStderr":true,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":["A=1"],
       "Cmd":["echo","hi"],"Image":"busybox","Volumes":{},"WorkingDir":"","Entrypoint":null,
       "OnBuild":null,"Labels":{},"HostConfig":{"Binds":null,"ContainerIDFile":"",
       "LogConfig":{"Type":"","Config":{}},"NetworkMode":"none","PortBindings":{},
       "RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":true,
       "ConsoleSize":[24,80],"ShmSize":0,"Unknown":"ignored"},"NetworkingConfig":{"EndpointsConfig":{}}}
      """;

  @Test
  void containerConfig_fromDockerCli_readsItsFields() {
    ContainerConfig c = Json.parse(CREATE.getBytes(StandardCharsets.UTF_8), ContainerConfig.class);
    assertThat(c.image()).isEqualTo("busybox");
    assertThat(c.cmd()).containsExactly("echo", "hi");
    assertThat(c.env()).containsExactly("A=1");
    assertThat(c.entrypoint()).isNull();
    assertThat(c.attachStdout()).isTrue();
  }

  @Test
  void hostConfig_unknownFieldsIgnored_knownOnesKept() throws Exception {
    var tree = Json.tree(CREATE.getBytes(StandardCharsets.UTF_8));
    HostConfig h = Json.mapper().treeToValue(tree.get("HostConfig"), HostConfig.class);
    assertThat(h.autoRemove()).isTrue();
    assertThat(h.networkMode()).isEqualTo("none");
    assertThat(h.restartPolicy().name()).isEqualTo("no");
    assertThat(h.consoleSize()).containsExactly(24, 80);
  }

  @Test
  void containerConfig_nullCommand_isWrittenAsNull() {
    var c = new ContainerConfig("h", "", "", false, false, false, null, false, false, false,
        List.of(), null, "busybox", null, "", null, null, null, Map.of(), null, null, null, null);
    String json = Json.string(c);
    assertThat(json).contains("\"Cmd\":null").contains("\"Entrypoint\":null").contains("\"Env\":[]")
        .contains("\"Hostname\":\"h\"").doesNotContain("\"StopTimeout\"");
  }

  @Test
  void waitResponse_noError_leavesErrorOut() {
    assertThat(Json.string(new WaitResponse(3, null))).isEqualTo("{\"StatusCode\":3}");
    assertThat(Json.string(new WaitResponse(1, new WaitResponse.WaitError("boom"))))
        .isEqualTo("{\"Error\":{\"Message\":\"boom\"},\"StatusCode\":1}");
  }

  @Test
  void imageSummary_namesAsDockerSpellsThem() {
    var s = new ImageSummary("sha256:a", "", List.of("busybox:latest"), List.of(), 1, 2, -1,
        Map.of(), -1, null);
    // without a version the record shows every field it has; the API server gates them
    assertThat(Json.string(s)).contains("\"Id\":\"sha256:a\"", "\"ParentId\":\"\"",
        "\"RepoTags\":[\"busybox:latest\"]", "\"RepoDigests\":[]", "\"SharedSize\":-1",
        "\"Containers\":-1", "\"Labels\":{}", "\"VirtualSize\":2").doesNotContain("Descriptor");
  }

  @Test
  void derivedLegacyFields_inInput_areIgnoredWhenReading() {
    String json = "{\"Id\":\"sha256:a\",\"RepoTags\":[],\"RepoDigests\":[],\"Size\":5,"
        + "\"VirtualSize\":7,\"Containers\":2}";
    ImageSummary s = Json.parse(json.getBytes(StandardCharsets.UTF_8), ImageSummary.class);
    assertThat(s.size()).isEqualTo(5);
    assertThat(s.virtualSize()).isEqualTo(5);
    assertThat(s.containers()).isEqualTo(2);
    String info = "{\"ID\":\"x\",\"BridgeNfIptables\":false,\"RuncCommit\":{\"ID\":\"abc\","
        + "\"Expected\":\"abc\"},\"RegistryConfig\":{\"AllowNondistributableArtifactsCIDRs\":null,"
        + "\"Mirrors\":[]},\"Runtimes\":{\"runc\":{\"path\":\"runc\",\"status\":{}}}}";
    Info i = Json.parse(info.getBytes(StandardCharsets.UTF_8), Info.class);
    assertThat(i.runcCommit().id()).isEqualTo("abc");
    assertThat(i.runtimes().get("runc").path()).isEqualTo("runc");
  }

  @Test
  void apiVersion_parsesAndCompares() {
    assertThat(ApiVersion.parse("1.51")).isEqualTo(ApiVersion.MAX);
    assertThat(ApiVersion.parse("1.9").lessThan(ApiVersion.parse("1.12"))).isTrue();
    assertThat(ApiVersion.parse("1.x")).isNull();
    assertThat(ApiVersion.parse("151")).isNull();
  }
}
