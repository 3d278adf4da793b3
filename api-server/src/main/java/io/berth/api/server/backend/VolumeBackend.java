package io.berth.api.server.backend;

import io.berth.common.filter.Filters;
import java.util.List;
import java.util.Map;

/** The volume routes' backend. */
public interface VolumeBackend {
  /** {@code GET /volumes}: the volumes, each as dockerd's Volume object. */
  List<Map<String, Object>> volumeList(Filters filters);

  /** {@code GET /volumes/{name}}. */
  Map<String, Object> volumeInspect(String name);

  /** {@code DELETE /volumes/{name}}. */
  void volumeRemove(String name, boolean force);

  /** {@code POST /volumes/prune}: the names removed and the bytes freed. */
  Map<String, Object> volumePrune(Filters filters);
}
