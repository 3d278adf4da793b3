package io.berth.client;

import io.berth.http.client.ClientResponse;
import java.io.FilterInputStream;

/** A response body that releases its exchange when closed. */
final class ResponseStream extends FilterInputStream {
  private final ClientResponse response;

  ResponseStream(ClientResponse response) {
    super(response.body());
    this.response = response;
  }

  @Override
  public void close() {
    DockerClient.closeQuietly(response);
  }
}
