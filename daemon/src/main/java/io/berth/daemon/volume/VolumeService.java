package io.berth.daemon.volume;

import io.berth.api.server.backend.VolumeBackend;
import io.berth.common.error.NotFoundException;
import io.berth.common.filter.Filters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Volumes, as far as Berth has them: none yet. Listing, inspecting, removing and pruning answer
 * as dockerd does with no volume; creating one is refused at the API.
 */
public final class VolumeService implements VolumeBackend {
  private static final Set<String> LIST_FILTERS = Set.of("dangling", "driver", "label", "name");
  private static final Set<String> PRUNE_FILTERS = Set.of("all", "label", "label!");

  @Override
  public List<Map<String, Object>> volumeList(Filters filters) {
    filters.validate(LIST_FILTERS);
    return List.of();
  }

  @Override
  public Map<String, Object> volumeInspect(String name) {
    throw new NotFoundException("get " + name + ": no such volume");
  }

  @Override
  public void volumeRemove(String name, boolean force) {
    if (!force) {
      throw new NotFoundException("remove " + name + ": no such volume");
    }
  }

  @Override
  public Map<String, Object> volumePrune(Filters filters) {
    filters.validate(PRUNE_FILTERS);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("VolumesDeleted", null);
    out.put("SpaceReclaimed", 0);
    return out;
  }
}
