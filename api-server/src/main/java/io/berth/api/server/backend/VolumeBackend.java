package io.berth.api.server.backend;

import io.berth.api.model.volume.VolumeCreateRequest;
import io.berth.api.model.volume.VolumeInfo;
import io.berth.common.filter.Filters;
import java.util.List;
import java.util.Map;

/** The volume routes' backend. */
public interface VolumeBackend {
  /** {@code POST /volumes/create}: the new volume, or the existing one of that name. */
  VolumeInfo volumeCreate(VolumeCreateRequest request);

  /** {@code GET /volumes}. */
  List<VolumeInfo> volumeList(Filters filters);

  /** {@code GET /volumes/{name}}. */
  VolumeInfo volumeInspect(String name);

  /** {@code DELETE /volumes/{name}}: {@code force} makes a missing volume no error; a used one stays. */
  void volumeRemove(String name, boolean force);

  /**
   * {@code POST /volumes/prune}: the names removed and the bytes freed.
   *
   * @param allByDefault unused named volumes go too (requests before API 1.42)
   */
  Map<String, Object> volumePrune(Filters filters, boolean allByDefault);
}
