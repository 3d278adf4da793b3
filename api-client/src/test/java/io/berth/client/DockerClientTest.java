package io.berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.NotImplementedException;
import io.berth.common.error.SystemException;
import io.berth.common.error.UnavailableException;
import io.berth.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DockerClientTest {
  private static Path dir;
  private static HttpServer server;
  private static final List<String> TARGETS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory(Path.of("/tmp"), "bapi");
    server = HttpServer.bindUnix(dir.resolve("s.sock"), PosixFilePermissions.fromString("rw-rw----"), (req, resp) -> {
      TARGETS.add(req.method() + " " + req.path());
      String last = req.path().substring(req.path().lastIndexOf('/') + 1);
      int status = switch (last) {
        case "_ping" -> 200;
        default -> Integer.parseInt(last);
      };
      if (status == 200) {
        resp.send(200, "text/plain", "OK".getBytes(StandardCharsets.UTF_8));
      } else if (status == 422) {
        resp.send(status, "application/json", "{\"message\":null}".getBytes(StandardCharsets.UTF_8));
      } else if (status == 423) {
        resp.send(status, "application/json", "{\"message\":".getBytes(StandardCharsets.UTF_8));
      } else if (status == 424) {
        resp.send(status, "application/json", "{\"message\":\" a \\\"quoted\\\" word\\n\"}".getBytes(StandardCharsets.UTF_8));
      } else if (status == 418) {
        resp.send(status, "text/plain", "plain words\n".getBytes(StandardCharsets.UTF_8));
      } else {
        resp.send(status, "application/json", ("{\"message\":\"m" + status + "\"}").getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    Files.deleteIfExists(dir.resolve("s.sock"));
    Files.deleteIfExists(dir);
  }

  private static DockerClient client() {
    return new DockerClient(DockerHost.parse("unix://" + dir.resolve("s.sock")));
  }

  @Test
  void ping_versionedPath_returnsBody() {
    assertThat(client().system().ping()).isEqualTo("OK");
    assertThat(TARGETS).contains("GET /v1.51/_ping");
  }

  @Test
  void call_errorStatuses_becomeMatchingEngineExceptions() {
    DockerClient c = client();
    assertThatThrownBy(() -> c.call("GET", "/e/404", null)).isInstanceOf(NotFoundException.class).hasMessage("m404");
    assertThatThrownBy(() -> c.call("GET", "/e/409", null)).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> c.call("GET", "/e/400", null)).isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> c.call("GET", "/e/500", null)).isInstanceOf(SystemException.class);
    assertThatThrownBy(() -> c.call("GET", "/e/501", null)).isInstanceOf(NotImplementedException.class);
    assertThatThrownBy(() -> c.call("GET", "/e/503", null)).isInstanceOf(UnavailableException.class);
    assertThatThrownBy(() -> c.call("GET", "/e/418", null)).hasMessage("plain words");
    assertThatThrownBy(() -> c.call("GET", "/e/422", null))
        .hasMessage("API returned a 422 (Error) but provided no error-message");
    assertThatThrownBy(() -> c.call("GET", "/e/423", null)).hasMessageStartingWith("Error reading JSON: ");
    assertThatThrownBy(() -> c.call("GET", "/e/424", null)).hasMessage("a \"quoted\" word");
  }

  @Test
  void call_noDaemon_raisesCannotConnect() {
    DockerClient c = new DockerClient(DockerHost.parse("unix://" + dir.resolve("absent.sock")));
    assertThatThrownBy(() -> c.system().ping()).isInstanceOf(DaemonUnreachableException.class)
        .hasMessage("Cannot connect to the Berth daemon at unix://" + dir.resolve("absent.sock")
            + ". Is the berth daemon running?");
  }

  @Test
  void filters_toJson_usesDockersSortedSetForm() {
    assertThat(Filters.toJson(java.util.Map.of("status", List.of("exited", "created"))))
        .isEqualTo("{\"status\":{\"created\":true,\"exited\":true}}");
    assertThat(Filters.toJson(java.util.Map.of("name", List.of("a\"b"), "label", List.of("k=v", "j"))))
        .isEqualTo("{\"label\":{\"j\":true,\"k=v\":true},\"name\":{\"a\\\"b\":true}}");
    assertThat(Filters.toJson(java.util.Map.of())).isEqualTo("{}");
  }
}
