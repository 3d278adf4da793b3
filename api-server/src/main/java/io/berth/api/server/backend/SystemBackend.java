package io.berth.api.server.backend;

import io.berth.api.model.system.DiskUsage;
import io.berth.api.model.system.Info;
import io.berth.api.model.system.Version;

public interface SystemBackend {
  Version version();

  Info info();

  /** {@code GET /system/df}: only the kinds asked for are measured; the others are null. */
  DiskUsage diskUsage(DiskUsage.Kinds kinds);
}
