package io.berth.api.server;

import io.berth.api.server.router.ContainerRouter;
import io.berth.api.server.router.ImageRouter;
import io.berth.api.server.router.SystemRouter;
import java.util.List;

/** An {@link ApiServer} over the fakes, called directly: no socket. */
public final class TestApi {
  public final FakeContainerBackend containers = new FakeContainerBackend();
  public final FakeImageBackend images = new FakeImageBackend();
  public final FakeSystemBackend system = new FakeSystemBackend();
  public final ApiServer server =
      new ApiServer("0.1.0-test", List.of(new SystemRouter(system), new ContainerRouter(containers),
          new ImageRouter(images)));

  public FakeHttpResponse call(FakeHttpRequest request) {
    return call(request, new FakeHttpResponse());
  }

  public FakeHttpResponse call(FakeHttpRequest request, FakeHttpResponse response) {
    try {
      server.handle(request, response);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("handler failed: " + e, e);
    }
    return response;
  }
}
