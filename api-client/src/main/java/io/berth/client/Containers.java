package io.berth.client;

import io.berth.api.model.container.ContainerCreateResponse;
import io.berth.api.model.container.ContainerSummary;
import io.berth.api.model.container.WaitResponse;
import io.berth.client.json.JsonReader;
import io.berth.http.client.ClientResponse;
import io.berth.http.client.HijackedConnection;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code /containers} endpoints. */
public final class Containers {
  private final DockerClient c;

  Containers(DockerClient c) {
    this.c = c;
  }

  /** Options of {@code GET /containers/json}; {@code limit} ≤ 0 means none. */
  public record ListOptions(boolean all, int limit, boolean size, Map<String, List<String>> filters) {}

  /** Options of {@code GET /containers/{id}/logs}; since/until already in the API's form. */
  public record LogsOptions(boolean follow, String tail, boolean timestamps, String since, String until, boolean details) {}

  /**
   * {@code POST /containers/create}. {@code body} is the JSON request (see {@link
   * io.berth.client.json.JsonWriter}): the Config fields at top level plus {@code HostConfig} and
   * {@code NetworkingConfig}, as docker sends it.
   */
  public ContainerCreateResponse create(String name, byte[] body) {
    return createResponse(c.bytes("POST", "/containers/create", Query.of().opt("name", name), body));
  }

  /** Read without data binding: this is on every {@code run}, where Jackson's set-up would dominate. */
  static ContainerCreateResponse createResponse(byte[] json) {
    Map<?, ?> m = document(json);
    List<String> warnings = null;
    if (m.get("Warnings") instanceof List<?> l) {
      warnings = new ArrayList<>(l.size());
      for (Object w : l) {
        warnings.add(w == null ? null : w.toString());
      }
    }
    return new ContainerCreateResponse(m.get("Id") instanceof String id ? id : null, warnings);
  }

  public void start(String id) {
    c.call("POST", "/containers/" + DockerClient.seg(id) + "/start", null);
  }

  /**
   * {@code HEAD /containers/{id}/archive?path=}: the decoded {@code X-Docker-Container-Path-Stat}
   * (name, size, mode as Go's FileMode, mtime, linkTarget).
   */
  public Map<?, ?> statPath(String id, String path) {
    try (ClientResponse r = c.send("HEAD", "/containers/" + DockerClient.seg(id) + "/archive",
        Query.of().add("path", path), null)) {
      return pathStat(r.header("X-Docker-Container-Path-Stat"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code GET /containers/{id}/archive?path=}: the tar, and the stat of what it holds. */
  public record Archive(InputStream tar, Map<?, ?> stat) {}

  public Archive archive(String id, String path) {
    ClientResponse r = c.send("GET", "/containers/" + DockerClient.seg(id) + "/archive",
        Query.of().add("path", path), null);
    return new Archive(new ResponseStream(r), pathStat(r.header("X-Docker-Container-Path-Stat")));
  }

  /** {@code PUT /containers/{id}/archive?path=}: {@code tar} extracted into the directory {@code path}. */
  public void putArchive(String id, String path, InputStream tar, boolean copyUidGid) {
    Query q = Query.of().add("path", path).add("noOverwriteDirNonDir", "true");
    if (copyUidGid) {
      q.add("copyUIDGID", "true");
    }
    DockerClient.readAll(c.upload("PUT", "/containers/" + DockerClient.seg(id) + "/archive", q, tar,
        Map.of("Content-Type", "application/x-tar")));
  }

  private static Map<?, ?> pathStat(String header) {
    if (header == null || header.isEmpty()) {
      return Map.of();
    }
    return document(java.util.Base64.getDecoder().decode(header));
  }

  /** {@code POST /containers/{id}/update} with docker's body: the raw answer. */
  public byte[] updateRaw(String id, byte[] body) {
    return c.bytes("POST", "/containers/" + DockerClient.seg(id) + "/update", null, body);
  }

  /** {@code POST /containers/prune}: the raw report. */
  public byte[] pruneRaw(Map<String, List<String>> filters) {
    Query q = Query.of();
    if (filters != null && !filters.isEmpty()) {
      q.add("filters", Filters.toJson(filters));
    }
    return c.bytes("POST", "/containers/prune", q, null);
  }

  /** {@code POST /containers/{id}/resize}: the client's terminal has a new size. */
  public void resize(String id, int height, int width) {
    c.call("POST", "/containers/" + DockerClient.seg(id) + "/resize",
        Query.of().add("h", Integer.toString(height)).add("w", Integer.toString(width)));
  }

  /** {@code POST /exec/{id}/resize}. */
  public void execResize(String execId, int height, int width) {
    c.call("POST", "/exec/" + DockerClient.seg(execId) + "/resize",
        Query.of().add("h", Integer.toString(height)).add("w", Integer.toString(width)));
  }

  /** {@code timeout} null leaves the container's own stop timeout. */
  public void stop(String id, Integer timeout, String signal) {
    c.call("POST", "/containers/" + DockerClient.seg(id) + "/stop", stopQuery(timeout, signal));
  }

  public void restart(String id, Integer timeout, String signal) {
    c.call("POST", "/containers/" + DockerClient.seg(id) + "/restart", stopQuery(timeout, signal));
  }

  public void kill(String id, String signal) {
    c.call("POST", "/containers/" + DockerClient.seg(id) + "/kill", Query.of().opt("signal", signal));
  }

  public void remove(String id, boolean force, boolean volumes, boolean link) {
    c.call("DELETE", "/containers/" + DockerClient.seg(id),
        Query.of().flag("v", volumes).flag("link", link).flag("force", force));
  }

  public List<ContainerSummary> list(ListOptions o) {
    return DataBinding.list(c.bytes("GET", "/containers/json", listQuery(o), null), ContainerSummary.class);
  }

  /** The list as the daemon sent it, for callers that read it without data binding. */
  public byte[] listRaw(ListOptions o) {
    return c.bytes("GET", "/containers/json", listQuery(o), null);
  }

  private static Query listQuery(ListOptions o) {
    Query q = Query.of().flag("all", o.all());
    if (o.limit() > 0) {
      q.add("limit", Integer.toString(o.limit()));
    }
    q.flag("size", o.size());
    if (o.filters() != null && !o.filters().isEmpty()) {
      q.add("filters", Filters.toJson(o.filters()));
    }
    return q;
  }

  /** The raw inspect document: docker prints these bytes, re-indented, not a re-encoding. */
  public byte[] inspectRaw(String id, boolean size) {
    return c.bytes("GET", "/containers/" + DockerClient.seg(id) + "/json", Query.of().flag("size", size), null);
  }

  /** {@code GET /containers/{id}/changes}: {@code [kind letter, path]} pairs, as docker prints them. */
  public List<String[]> changes(String id) {
    Object doc = JsonReader.parse(c.bytes("GET", "/containers/" + DockerClient.seg(id) + "/changes", Query.of(), null));
    List<String[]> out = new java.util.ArrayList<>();
    if (doc instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("Path") instanceof String path && m.get("Kind") instanceof Number k) {
          out.add(new String[] {switch (k.intValue()) {
            case 1 -> "A";
            case 2 -> "D";
            default -> "C";
          }, path});
        }
      }
    }
    return out;
  }

  /** {@code POST /commit}: the new image's id. */
  public String commit(String container, String repo, String tag, String comment, String author, boolean pause,
      List<String> changes) {
    Query q = Query.of().add("container", container).opt("repo", repo).opt("tag", tag).opt("comment", comment)
        .opt("author", author).add("pause", pause ? "1" : "0");
    changes.forEach(ch -> q.add("changes", ch));
    Object id = io.berth.client.json.JsonReader.object(c.bytes("POST", "/commit", q, null)).get("Id");
    return id == null ? "" : id.toString();
  }

  public void pause(String id) {
    c.call("POST", "/containers/" + DockerClient.seg(id) + "/pause", null);
  }

  public void unpause(String id) {
    c.call("POST", "/containers/" + DockerClient.seg(id) + "/unpause", null);
  }

  public void rename(String id, String name) {
    c.call("POST", "/containers/" + DockerClient.seg(id) + "/rename", Query.of().add("name", name));
  }

  /** {@code GET /containers/{id}/top}: the raw answer ({@code Titles}, {@code Processes}). */
  public byte[] topRaw(String id, String psArgs) {
    return c.bytes("GET", "/containers/" + DockerClient.seg(id) + "/top", Query.of().opt("ps_args", psArgs), null);
  }

  /** {@code POST /containers/{id}/exec} with docker's body; the session's id. */
  public String execCreate(String id, byte[] body) {
    Object v = io.berth.client.json.JsonReader.object(c.bytes("POST", "/containers/" + DockerClient.seg(id) + "/exec",
        null, body)).get("Id");
    return v == null ? "" : v.toString();
  }

  /** {@code POST /exec/{id}/start} hijacked: the session's output (multiplexed unless a TTY), and its stdin. */
  public Attachment execStart(String execId, boolean tty) {
    byte[] body = ("{\"Detach\":false,\"Tty\":" + tty + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new Attachment(c.hijack("POST", "/exec/" + DockerClient.seg(execId) + "/start", null, body));
  }

  /** {@code POST /exec/{id}/start} detached. */
  public void execStartDetached(String execId, boolean tty) {
    byte[] body = ("{\"Detach\":true,\"Tty\":" + tty + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    c.bytes("POST", "/exec/" + DockerClient.seg(execId) + "/start", null, body);
  }

  /** {@code GET /exec/{id}/json}: the raw answer. */
  public byte[] execInspectRaw(String execId) {
    return c.bytes("GET", "/exec/" + DockerClient.seg(execId) + "/json", null, null);
  }

  /** {@code GET /containers/{id}/stats?stream=0}: one reading, raw. */
  public byte[] statsOnce(String id) {
    return c.bytes("GET", "/containers/" + DockerClient.seg(id) + "/stats", Query.of().add("stream", "0"), null);
  }

  /** {@code GET /events}: one JSON object per line, as they come; the caller closes it. */
  public InputStream events(String since, String until, Map<String, List<String>> filters) {
    Query q = Query.of().opt("since", since).opt("until", until);
    if (filters != null && !filters.isEmpty()) {
      q.add("filters", Filters.toJson(filters));
    }
    return new ResponseStream(c.send("GET", "/events", q, null));
  }

  /** {@code GET /containers/{id}/export}: the container's filesystem as a tar; the caller closes it. */
  public InputStream export(String id) {
    return new ResponseStream(c.send("GET", "/containers/" + DockerClient.seg(id) + "/export", Query.of(), null));
  }

  /** The log stream; multiplexed unless the container has a TTY. The caller closes it. */
  public InputStream logs(String id, LogsOptions o) {
    Query q = Query.of().add("stdout", "1").add("stderr", "1")
        .opt("since", o.since()).opt("until", o.until())
        .flag("timestamps", o.timestamps()).flag("details", o.details()).flag("follow", o.follow())
        .add("tail", o.tail() == null ? "all" : o.tail());
    ClientResponse r = c.send("GET", "/containers/" + DockerClient.seg(id) + "/logs", q, null);
    return new ResponseStream(r);
  }

  /** {@code POST /containers/{id}/attach} hijacked; output is multiplexed unless TTY. */
  public Attachment attach(String id, boolean stdin, boolean stdout, boolean stderr, String detachKeys) {
    Query q = Query.of().add("stream", "1").flag("stdin", stdin).flag("stdout", stdout).flag("stderr", stderr)
        .opt("detachKeys", detachKeys);
    HijackedConnection h = c.hijack("POST", "/containers/" + DockerClient.seg(id) + "/attach", q);
    return new Attachment(h);
  }

  /**
   * Starts {@code POST /containers/{id}/wait} and returns once the daemon has answered with
   * headers, so a start that follows cannot race past the exit.
   */
  public Waiter waitFor(String id, String condition) {
    ClientResponse r = c.send("POST", "/containers/" + DockerClient.seg(id) + "/wait",
        Query.of().opt("condition", condition), null);
    return new Waiter(r);
  }

  /** A pending wait; {@link #await} blocks until the condition is met. */
  public static final class Waiter implements AutoCloseable {
    private final ClientResponse response;

    Waiter(ClientResponse response) {
      this.response = response;
    }

    public WaitResponse await() {
      return waitResponse(DockerClient.readAll(response));
    }

    @Override
    public void close() {
      DockerClient.closeQuietly(response);
    }
  }

  /** {@code {"StatusCode":N}} or with {@code "Error":{"Message":"..."}}, read without data binding. */
  static WaitResponse waitResponse(byte[] json) {
    Map<?, ?> m = document(json);
    long status = m.get("StatusCode") instanceof Number n ? n.longValue() : 0;
    WaitResponse.WaitError error = null;
    if (m.get("Error") instanceof Map<?, ?> e) {
      error = new WaitResponse.WaitError(e.get("Message") instanceof String msg ? msg : null);
    }
    return new WaitResponse(status, error);
  }

  /** An answer that is not an object (say, cut off by a daemon going away) is an error, not zeros. */
  private static Map<?, ?> document(byte[] json) {
    if (JsonReader.parse(json) instanceof Map<?, ?> m) {
      return m;
    }
    String got = json.length == 0 ? "nothing"
        : new String(json, 0, Math.min(json.length, 200), StandardCharsets.UTF_8).strip();
    throw new IllegalArgumentException("unable to read JSON from the daemon: expected an object, got " + got);
  }

  private static Query stopQuery(Integer timeout, String signal) {
    Query q = Query.of().opt("signal", signal);
    if (timeout != null) {
      q.add("t", Integer.toString(timeout));
    }
    return q;
  }
}
