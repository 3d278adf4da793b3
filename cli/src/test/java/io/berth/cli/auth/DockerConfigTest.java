package io.berth.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigTest {
  @TempDir Path dir;

  @Test
  void store_get_erase_keepOtherKeys() throws Exception {
    Files.writeString(dir.resolve("config.json"), "{\"psFormat\":\"table {{.ID}}\",\"auths\":{}}");
    Map<String, String> env = Map.of("DOCKER_CONFIG", dir.toString());
    DockerConfig c = DockerConfig.load(env);
    assertThat(c.store("127.0.0.1:5000", new DockerConfig.Login("alice", "s3:cret", ""))).isFalse();

    DockerConfig again = DockerConfig.load(env);
    assertThat(again.get("127.0.0.1:5000")).contains(new DockerConfig.Login("alice", "s3:cret", ""));
    String json = Files.readString(dir.resolve("config.json"));
    assertThat(json).contains("\"psFormat\":\"table {{.ID}}\"",
        Base64.getEncoder().encodeToString("alice:s3:cret".getBytes(StandardCharsets.UTF_8)));
    String header = new String(Base64.getUrlDecoder().decode(again.registryAuth("127.0.0.1:5000")),
        StandardCharsets.UTF_8);
    assertThat(header).isEqualTo("{\"username\":\"alice\",\"password\":\"s3:cret\",\"serveraddress\":\"127.0.0.1:5000\"}");

    assertThat(again.erase("127.0.0.1:5000")).isTrue();
    assertThat(DockerConfig.load(env).get("127.0.0.1:5000")).isEmpty();
    assertThat(DockerConfig.load(env).erase("127.0.0.1:5000")).isFalse();
  }

  @Test
  void hubIsKeptUnderItsIndexUrl() {
    assertThat(DockerConfig.serverKey("docker.io")).isEqualTo("https://index.docker.io/v1/");
    assertThat(DockerConfig.serverKey("localhost:5000")).isEqualTo("localhost:5000");
    assertThat(DockerConfig.load(Map.of("DOCKER_CONFIG", dir.toString())).registryAuth("x")).isEmpty();
  }
}
