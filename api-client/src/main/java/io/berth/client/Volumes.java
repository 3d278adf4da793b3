package io.berth.client;

import java.util.List;
import java.util.Map;

/** {@code /volumes}, read raw: the CLI walks the documents as maps. */
public final class Volumes {
  private final DockerClient c;

  Volumes(DockerClient c) {
    this.c = c;
  }

  public byte[] listRaw(Map<String, List<String>> filters) {
    return c.bytes("GET", "/volumes", filters(filters), null);
  }

  /** {@code POST /volumes/create} with docker's body; the new volume's raw document. */
  public byte[] createRaw(byte[] body) {
    return c.bytes("POST", "/volumes/create", null, body);
  }

  public void remove(String name, boolean force) {
    c.call("DELETE", "/volumes/" + DockerClient.seg(name), Query.of().flag("force", force));
  }

  public byte[] pruneRaw(Map<String, List<String>> filters) {
    return c.bytes("POST", "/volumes/prune", filters(filters), null);
  }

  public byte[] inspectRaw(String name) {
    return c.bytes("GET", "/volumes/" + DockerClient.seg(name), null, null);
  }

  private static Query filters(Map<String, List<String>> filters) {
    Query q = Query.of();
    if (filters != null && !filters.isEmpty()) {
      q.add("filters", Filters.toJson(filters));
    }
    return q;
  }
}
