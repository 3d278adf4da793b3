package io.berth.api.server.backend;

import io.berth.api.model.system.Info;
import io.berth.api.model.system.Version;

public interface SystemBackend {
  Version version();

  Info info();
}
