package io.berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.api.model.container.ContainerCreateResponse;
import io.berth.api.model.container.WaitResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainersTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void createResponse_readsIdAndWarnings() {
    assertThat(Containers.createResponse(b("{\"Id\":\"abc\",\"Warnings\":[\"w1\",\"w\\\"2\"]}")))
        .isEqualTo(new ContainerCreateResponse("abc", List.of("w1", "w\"2")));
    assertThat(Containers.createResponse(b("{\"Id\":\"abc\",\"Warnings\":null}")))
        .isEqualTo(new ContainerCreateResponse("abc", null));
    assertThat(Containers.createResponse(b("{\"Warnings\":[],\"Id\":\"abc\",\"Extra\":{\"x\":[1]}}")))
        .isEqualTo(new ContainerCreateResponse("abc", List.of()));
  }

  @Test
  void waitResponse_readsStatusAndError() {
    assertThat(Containers.waitResponse(b("{\"StatusCode\":3,\"Error\":null}\n")))
        .isEqualTo(new WaitResponse(3, null));
    assertThat(Containers.waitResponse(b("{\"Error\":{\"Message\":\"boom\"},\"StatusCode\":137}")))
        .isEqualTo(new WaitResponse(137, new WaitResponse.WaitError("boom")));
  }

  @Test
  void responses_notAnObject_areErrorsNotZeros() {
    assertThatThrownBy(() -> Containers.waitResponse(new byte[0])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected an object");
    assertThatThrownBy(() -> Containers.createResponse(b("{\"Id\":"))).isInstanceOf(IllegalArgumentException.class);
  }
}
