package io.berth.client;

import io.berth.api.model.image.ImageDeleteItem;
import io.berth.api.model.image.ImageSummary;
import io.berth.api.model.stream.JsonMessage;
import io.berth.client.json.JsonReader;
import io.berth.http.client.ClientResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The {@code /images} endpoints. */
public final class Images {
  private final DockerClient c;

  Images(DockerClient c) {
    this.c = c;
  }

  public List<ImageSummary> list(boolean all, Map<String, List<String>> filters) {
    return DataBinding.list(c.bytes("GET", "/images/json", listQuery(all, filters), null), ImageSummary.class);
  }

  /** The list as the daemon sent it, for callers that read it without data binding. */
  public byte[] listRaw(boolean all, Map<String, List<String>> filters) {
    return c.bytes("GET", "/images/json", listQuery(all, filters), null);
  }

  private static Query listQuery(boolean all, Map<String, List<String>> filters) {
    Query q = Query.of().flag("all", all);
    if (filters != null && !filters.isEmpty()) {
      q.add("filters", Filters.toJson(filters));
    }
    return q;
  }

  /** {@code POST /images/prune}: the raw report ({@code ImagesDeleted}, {@code SpaceReclaimed}). */
  public byte[] pruneRaw(Map<String, List<String>> filters) {
    Query q = Query.of();
    if (filters != null && !filters.isEmpty()) {
      q.add("filters", Filters.toJson(filters));
    }
    return c.bytes("POST", "/images/prune", q, null);
  }

  /** {@code GET /images/{name}/history}: the raw list, newest step first. */
  public byte[] historyRaw(String name) {
    return c.bytes("GET", "/images/" + DockerClient.seg(name) + "/history", null, null);
  }

  public byte[] inspectRaw(String name) {
    return c.bytes("GET", "/images/" + DockerClient.seg(name) + "/json", null, null);
  }

  public void tag(String source, String repo, String tag) {
    c.call("POST", "/images/" + DockerClient.seg(source) + "/tag", Query.of().add("repo", repo).opt("tag", tag));
  }

  public List<ImageDeleteItem> remove(String name, boolean force, boolean noPrune) {
    return deleted(c.bytes("DELETE", "/images/" + DockerClient.seg(name),
        Query.of().flag("force", force).flag("noprune", noPrune), null));
  }

  /** {@code [{"Untagged":..}|{"Deleted":..}]}, read without data binding as {@code berth rmi} needs it. */
  static List<ImageDeleteItem> deleted(byte[] json) {
    List<ImageDeleteItem> out = new ArrayList<>();
    if (JsonReader.parse(json) instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m) {
          out.add(new ImageDeleteItem(m.get("Untagged") instanceof String u ? u : null,
              m.get("Deleted") instanceof String d ? d : null));
        }
      }
    }
    return out;
  }

  /**
   * {@code POST /images/create?fromSrc=-}: streams {@code tar} as the body. {@code repo} is the
   * reference as the user typed it (tag included), which is what docker sends.
   *
   * @return the last progress message, whose status is the new image id
   */
  public JsonMessage importImage(InputStream tar, String repo, String message, List<String> changes,
      Consumer<JsonMessage> progress) {
    Query q = Query.of().add("fromSrc", "-").opt("repo", repo).opt("message", message);
    for (String ch : changes) {
      q.add("changes", ch);
    }
    ClientResponse r = c.upload("POST", "/images/create", q, tar, Map.of("Content-Type", "application/x-tar"));
    return progress(r, progress);
  }

  /** {@code POST /images/create?fromImage=&tag=}. */
  public JsonMessage pull(String fromImage, String tag, Consumer<JsonMessage> progress) {
    return pull(fromImage, tag, "", progress);
  }

  /** Pulls for {@code platform} ({@code os/arch[/variant]}; empty for the daemon's). */
  public JsonMessage pull(String fromImage, String tag, String platform, Consumer<JsonMessage> progress) {
    return pull(fromImage, tag, platform, "", progress);
  }

  /** As above, with an {@code X-Registry-Auth} value (empty for none). */
  public JsonMessage pull(String fromImage, String tag, String platform, String registryAuth,
      Consumer<JsonMessage> progress) {
    ClientResponse r = c.send("POST", "/images/create",
        Query.of().add("fromImage", fromImage).opt("tag", tag).opt("platform", platform), null,
        registryAuth.isEmpty() ? Map.of() : Map.of("X-Registry-Auth", registryAuth));
    return progress(r, progress);
  }

  /** {@code GET /images/get}: docker save's tarball of the named images; the caller closes it. */
  public InputStream save(List<String> names) {
    Query q = Query.of();
    names.forEach(n -> q.add("names", n));
    return new ResponseStream(c.send("GET", "/images/get", q, null));
  }

  /** {@code POST /images/load}: the lines say what was loaded. */
  public JsonMessage load(InputStream tar, boolean quiet, Consumer<JsonMessage> progress) {
    ClientResponse r = c.upload("POST", "/images/load", Query.of().add("quiet", quiet ? "1" : "0"), tar,
        Map.of("Content-Type", "application/x-tar"));
    return progress(r, progress);
  }

  /** Pushes {@code name} at {@code tag} (every tag when empty); the body is {@code {}}, as docker sends. */
  public JsonMessage push(String name, String tag, String registryAuth, Consumer<JsonMessage> progress) {
    ClientResponse r = c.send("POST", "/images/" + name + "/push", Query.of().opt("tag", tag),
        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of("Content-Type", "application/json", "X-Registry-Auth", registryAuth.isEmpty() ? "e30=" : registryAuth));
    return progress(r, progress);
  }

  /** Berth's {@code POST /images/bootstrap?name=}: builds a base image without a registry. */
  public JsonMessage bootstrap(String name, Consumer<JsonMessage> progress) {
    ClientResponse r = c.send("POST", "/images/bootstrap", Query.of().add("name", name), null);
    return progress(r, progress);
  }

  private static JsonMessage progress(ClientResponse r, Consumer<JsonMessage> sink) {
    try {
      return JsonMessages.read(r.body(), sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DockerClient.closeQuietly(r);
    }
  }
}
