package io.berth.api.server;

import io.berth.api.model.system.Info;
import io.berth.api.model.system.Version;
import io.berth.api.server.backend.SystemBackend;
import java.util.List;
import java.util.Map;

public final class FakeSystemBackend implements SystemBackend {
  @Override
  public Version version() {
    return new Version(Map.of("Name", "Berth"), List.of(), "0.1.0-test", "1.51", "1.12", "deadbeef",
        "", "linux", "amd64", "6.1.0", "");
  }

  @Override
  public Info info() {
    throw new UnsupportedOperationException("not needed by these tests");
  }
}
