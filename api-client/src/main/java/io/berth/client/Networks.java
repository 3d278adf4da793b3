package io.berth.client;

import java.util.List;
import java.util.Map;

/** {@code /networks}, read raw: the CLI walks the documents as maps. */
public final class Networks {
  private final DockerClient c;

  Networks(DockerClient c) {
    this.c = c;
  }

  public byte[] listRaw(Map<String, List<String>> filters) {
    Query q = Query.of();
    if (filters != null && !filters.isEmpty()) {
      q.add("filters", Filters.toJson(filters));
    }
    return c.bytes("GET", "/networks", q, null);
  }

  /** {@code POST /networks/create} with docker's body; the answer's raw bytes. */
  public byte[] createRaw(byte[] body) {
    return c.bytes("POST", "/networks/create", null, body);
  }

  public void remove(String name) {
    c.call("DELETE", "/networks/" + DockerClient.seg(name), null);
  }

  public byte[] pruneRaw(Map<String, List<String>> filters) {
    Query q = Query.of();
    if (filters != null && !filters.isEmpty()) {
      q.add("filters", Filters.toJson(filters));
    }
    return c.bytes("POST", "/networks/prune", q, null);
  }

  public byte[] inspectRaw(String name) {
    return c.bytes("GET", "/networks/" + DockerClient.seg(name), null, null);
  }
}
