package io.berth.api.server.backend;

import io.berth.api.model.network.NetworkCreateRequest;
import io.berth.api.model.network.NetworkInspect;
import io.berth.api.model.network.NetworkPruneResponse;
import io.berth.common.filter.Filters;
import java.util.List;

/** The network routes' backend. */
public interface NetworkBackend {
  /** {@code GET /networks}; {@code detailed} (clients before API 1.28) lists each one's containers. */
  List<NetworkInspect> networkList(Filters filters, boolean detailed);

  /** {@code GET /networks/{id}}: by full id, then exact name, then id prefix, as dockerd finds it. */
  NetworkInspect networkInspect(String term);

  /** {@code POST /networks/create}. */
  NetworkCreateRequest.Response networkCreate(NetworkCreateRequest request);

  /** {@code DELETE /networks/{id}}. */
  void networkRemove(String term);

  /** {@code POST /networks/prune}. */
  NetworkPruneResponse networkPrune(Filters filters);
}
