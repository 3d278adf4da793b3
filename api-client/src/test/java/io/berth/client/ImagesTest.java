package io.berth.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.api.model.image.ImageDeleteItem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImagesTest {
  @Test
  void deleted_readsUntaggedAndDeletedInOrder() {
    byte[] json = "[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"sha256:abc\"}]".getBytes(StandardCharsets.UTF_8);
    assertThat(Images.deleted(json)).containsExactly(new ImageDeleteItem("busybox:latest", null),
        new ImageDeleteItem(null, "sha256:abc"));
    assertThat(Images.deleted(new byte[0])).isEmpty();
  }
}
