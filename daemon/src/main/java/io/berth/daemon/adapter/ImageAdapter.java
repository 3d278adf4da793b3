package io.berth.daemon.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.image.ImageDeleteItem;
import io.berth.api.model.image.ImageHistoryItem;
import io.berth.api.model.image.ImagePruneResponse;
import io.berth.api.model.image.ImageInspect;
import io.berth.api.model.image.ImageSummary;
import io.berth.api.server.backend.ImageBackend;
import io.berth.api.server.backend.ProgressListener;
import io.berth.api.server.backend.RegistryAuth;
import io.berth.image.pull.Progress;
import io.berth.image.pull.Puller;
import io.berth.image.push.Pusher;
import io.berth.image.reference.Reference;
import io.berth.registry.Credentials;
import io.berth.registry.manifest.Platform;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.filter.Filters;
import io.berth.common.filter.Glob;
import io.berth.common.json.Json;
import io.berth.daemon.container.ContainerStore;
import io.berth.image.HistoryEntry;
import io.berth.image.ImageRecord;
import io.berth.image.ImageService;
import io.berth.image.ImageUser;
import io.berth.image.config.HealthConfig;
import io.berth.image.config.ImageConfig;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Images for the API: translates the image module's records into Docker's wire records. What
 * containers need of images is {@link ContainerImages}.
 */
public final class ImageAdapter implements ImageBackend {
  private static final Set<String> LIST_FILTERS = Set.of("dangling", "label", "reference", "before", "since", "until");
  private final ImageService images;
  private final ContainerStore containers;
  private final Puller puller;
  private final Pusher pusher;

  public ImageAdapter(ImageService images, ContainerStore containers, Puller puller, Pusher pusher) {
    this.puller = puller;
    this.pusher = pusher;
    this.images = images;
    this.containers = containers;
  }

  @Override
  public List<ImageSummary> imageList(boolean all, Filters filters) {
    filters.validate(LIST_FILTERS).bool("dangling");
    // before/since name images, until a time: each narrows by creation time, as Docker's do
    Instant before = filters.get("before").stream().map(r -> images.inspect(r).created())
        .min(Comparator.naturalOrder()).orElse(null);
    Instant since = filters.get("since").stream().map(r -> images.inspect(r).created())
        .max(Comparator.naturalOrder()).orElse(null);
    Instant until = filters.get("until").stream().map(Filters::timestamp)
        .min(Comparator.naturalOrder()).orElse(null);
    Map<String, Long> users = containerCounts();
    return images.list().stream()
        .filter(i -> matches(i, filters))
        .filter(i -> (before == null || i.created().isBefore(before))
            && (since == null || i.created().isAfter(since))
            && (until == null || i.created().isBefore(until)))
        .sorted(Comparator.comparing(ImageRecord::created).reversed())
        .map(i -> summary(i, -1, users))
        .toList();
  }

  /**
   * Every image for {@code system df}: its real container count and the bytes it shares with
   * other images, whatever the API version, as dockerd's disk usage has them.
   */
  public List<ImageSummary> imageDiskUsage() {
    Map<String, Long> users = containerCounts();
    Map<String, Long> shared = images.sharedSizes();
    return images.list().stream()
        .map(i -> summary(i, shared.getOrDefault(i.id(), 0L), users))
        .toList();
  }

  private Map<String, Long> containerCounts() {
    return containers.all().stream()
        .collect(Collectors.groupingBy(c -> c.imageId(), Collectors.counting()));
  }

  private static ImageSummary summary(ImageRecord i, long sharedSize, Map<String, Long> users) {
    return new ImageSummary(i.id(), "", i.repoTags(), i.repoDigests(), i.created().getEpochSecond(),
        i.size(), sharedSize, i.config().labels() == null ? Map.of() : i.config().labels(),
        users.getOrDefault(i.id(), 0L), null);
  }

  private static boolean matches(ImageRecord i, Filters f) {
    if (f.has("dangling") && f.bool("dangling") != i.repoTags().isEmpty()) {
      return false;
    }
    for (String r : f.get("reference")) {
      // Docker matches the familiar reference and, for a tagged one, its name alone too
      if (i.repoTags().stream().noneMatch(t -> Glob.matches(r, t) || Glob.matches(r, repository(t)))) {
        return false;
      }
    }
    if (!labelsMatch(i, f)) {
      return false;
    }
    return true;
  }

  @Override
  public List<ImageHistoryItem> imageHistory(String ref) {
    ImageRecord img = images.inspect(ref);
    List<HistoryEntry> steps = images.history(img.id());
    List<ImageHistoryItem> out = new java.util.ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      HistoryEntry h = steps.get(i);
      // dockerd names only the newest step; the others stand for images it does not have
      boolean newest = i == 0;
      out.add(new ImageHistoryItem(newest ? img.id() : "<missing>", h.created().getEpochSecond(),
          h.createdBy(), newest && !img.repoTags().isEmpty() ? img.repoTags() : null, h.size(),
          h.comment()));
    }
    return out;
  }

  private static String repository(String tagged) {
    int colon = tagged.lastIndexOf(':');
    return colon > tagged.lastIndexOf('/') ? tagged.substring(0, colon) : tagged;
  }

  @Override
  public ImageInspect imageInspect(String ref) {
    ImageRecord i = images.inspect(ref);
    Legacy legacy = Legacy.of(i.rawConfig());
    return new ImageInspect(i.id(), i.repoTags(), i.repoDigests(), i.parent(), i.comment(),
        i.created() == null ? null : rfc3339Nano(i.created()), legacy.container(),
        legacy.containerConfig(), legacy.dockerVersion(), i.author(), config(i.config()),
        i.architecture(), legacy.variant(), i.os(), legacy.osVersion(), i.size(),
        new ImageInspect.GraphDriver("overlay2", Map.of()),
        new ImageInspect.RootFs("layers", i.diffIds()), Map.of("LastTagTime", "0001-01-01T00:00:00Z"),
        null);
  }

  private static ImageInspect.Config config(ImageConfig c) {
    HealthConfig h = c.healthcheck();
    return new ImageInspect.Config(c.user(), c.exposedPorts(), c.env(), c.entrypoint(), c.cmd(),
        c.volumes(), c.workingDir(), c.labels(), c.stopSignal(),
        h == null ? null : new ImageInspect.HealthConfig(h.test(), h.interval(), h.timeout(),
            h.startPeriod(), h.startInterval(), h.retries()),
        c.onBuild(), null);
  }

  /** Go's RFC3339Nano: UTC here, and a fraction only as long as it needs to be. */
  static String rfc3339Nano(Instant t) {
    String s = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.atOffset(ZoneOffset.UTC).withNano(0));
    if (t.getNano() == 0) {
      return s + "Z";
    }
    String fraction = String.format("%09d", t.getNano()).replaceFirst("0+$", "");
    return s + "." + fraction + "Z";
  }

  /**
   * What an image config may carry beyond the image module's record: the builder container of a
   * legacy {@code docker build} or {@code docker commit} and the platform details. dockerd's
   * graph-driver store shows the container config even when there is none, as zero values.
   */
  record Legacy(String container, ContainerConfig containerConfig, String dockerVersion,
      String variant, String osVersion) {
    static Legacy of(byte[] rawConfig) {
      JsonNode root;
      try {
        root = Json.tree(rawConfig);
      } catch (IllegalArgumentException e) {
        root = null;
      }
      if (root == null || !root.isObject()) {
        return new Legacy(null, ContainerConfig.empty(), "", null, null);
      }
      ContainerConfig cc = ContainerConfig.empty();
      JsonNode node = root.get("container_config");
      if (node != null && node.isObject()) {
        try {
          cc = Json.mapper().treeToValue(node, ContainerConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          // a config that does not decode shows as none, as a zero value
        }
      }
      return new Legacy(root.path("container").asText(""), cc, root.path("docker_version").asText(""),
          root.path("variant").asText(""), root.path("os.version").asText(""));
    }
  }

  private io.berth.daemon.events.EventBus events = new io.berth.daemon.events.EventBus();

  /** Where image events go (a bus of its own until told). */
  public void publishTo(io.berth.daemon.events.EventBus bus) {
    this.events = bus;
  }

  /** An image event, with the image's labels when it has one, as dockerd sends them. */
  private void event(String actorId, String name, String action) {
    Map<String, String> a = new java.util.LinkedHashMap<>();
    try {
      var labels = images.inspect(actorId).config().labels();
      if (labels != null) {
        a.putAll(labels);
      }
    } catch (NotFoundException | InvalidParameterException gone) {
      // deleted, or a reference not in the store: no labels to give
    }
    a.put("name", name);
    events.publish("image", action, actorId, a);
  }

  @Override
  public void imageTag(String ref, String repo, String tag) {
    images.tag(ref, repo, tag);
    String id = images.inspect(ref).id();
    Reference target = tag == null || tag.isEmpty() ? Reference.parse(repo) : Reference.parseRepoTag(repo, tag);
    event(id, target.familiarString(), "tag");
  }

  @Override
  public List<ImageDeleteItem> imageDelete(String ref, boolean force, boolean noPrune) {
    String id = images.inspect(ref).id();
    List<ImageDeleteItem> out = images.remove(ref, force, noPrune, this::usersOf).stream()
        .map(d -> new ImageDeleteItem(d.untagged(), d.deleted()))
        .toList();
    for (ImageDeleteItem d : out) {
      if (d.untagged() != null) {
        event(id, id, "untag");
      } else if (id.equals(d.deleted())) {
        // the image's own line; the lines of its layers are no image events
        event(id, id, "delete");
      }
    }
    return out;
  }

  /**
   * Docker's prune: images no container uses, untagged ones only unless {@code dangling=false};
   * {@code until} and {@code label} narrow it. Space reclaimed is what the layer store shrank by.
   */
  @Override
  public ImagePruneResponse imagePrune(Filters f) {
    f.validate(PRUNE_FILTERS);
    boolean danglingOnly = !f.has("dangling") || f.bool("dangling");
    Instant until = f.get("until").stream().map(Filters::timestamp).min(Comparator.naturalOrder())
        .orElse(null);
    long before = images.layersSize();
    List<ImageDeleteItem> deleted = new java.util.ArrayList<>();
    for (ImageRecord i : images.list()) {
      if ((danglingOnly && !i.repoTags().isEmpty()) || !usersOf(i.id()).isEmpty()
          || (until != null && !i.created().isBefore(until)) || !labelsMatch(i, f)) {
        continue;
      }
      try {
        deleted.addAll(imageDelete(i.id(), true, false));
      } catch (NotFoundException | io.berth.common.error.ConflictException e) {
        // taken meanwhile, or put to use: not this prune's to remove
      }
    }
    return new ImagePruneResponse(deleted.isEmpty() ? null : deleted,
        Math.max(0, before - images.layersSize()));
  }

  private static final Set<String> PRUNE_FILTERS = Set.of("dangling", "until", "label", "label!");

  private static boolean labelsMatch(ImageRecord i, Filters f) {
    Map<String, String> labels = i.config().labels() == null ? Map.of() : i.config().labels();
    return f.get("label").stream().allMatch(l -> Filters.labelMatches(labels, l))
        && f.get("label!").stream().noneMatch(l -> Filters.labelMatches(labels, l));
  }

  private List<ImageUser> usersOf(String imageId) {
    return containers.all().stream()
        .filter(c -> c.imageId().equals(imageId))
        .map(c -> new ImageUser(c.id(), c.state().running()))
        .toList();
  }

  @Override
  public String imageImport(InputStream tar, ImageBackend.ImportOptions o, ProgressListener progress) {
    String repoTag = null;
    if (!o.repo().isEmpty()) {
      repoTag = o.tag().isEmpty() ? o.repo() : o.repo() + ":" + o.tag();
    }
    String id = images.importImage(tar, new io.berth.image.ImportOptions(repoTag, o.changes(), o.message(), null)).id();
    event(id, id, "import");
    return id;
  }

  @Override
  public void imagePull(String image, String tag, String platform, RegistryAuth auth, ProgressListener progress) {
    Reference ref = pullReference(image, tag);
    Platform p = platform.isEmpty() ? null : Platform.parse(platform);
    puller.pull(ref, p, credentials(auth), new PullProgress(progress));
    event(ref.familiarString(), ref.familiarString(), "pull");
  }

  /**
   * {@code fromImage} and {@code tag} as dockerd joins them: a tag that is a digest makes a
   * canonical reference, and a name that carries its own tag or digest keeps it when none is given.
   * A bare name without a tag means every tag to dockerd, which Berth does not do yet.
   */
  static Reference pullReference(String image, String tag) {
    Reference named = Reference.parse(image);
    if (tag.isEmpty()) {
      if (named.tag() == null && named.digest() == null) {
        // dockerd pulls every tag of a bare name: docker pull --all-tags
        throw new InvalidParameterException("berth does not support pulling all tags (--all-tags) yet");
      }
      return named;
    }
    if (tag.startsWith("sha256:") || tag.contains(":")) {
      Reference withDigest = Reference.parse(named.name() + "@" + tag);
      return new Reference(named.domain(), named.path(), null, withDigest.digest());
    }
    return Reference.parseRepoTag(named.name(), tag);
  }

  @Override
  public void imagePush(String name, String tag, RegistryAuth auth, ProgressListener progress) {
    Reference named = Reference.parse(name);
    Reference ref;
    if (!tag.isEmpty()) {
      ref = Reference.parseRepoTag(named.name(), tag);
    } else if (named.digest() != null) {
      throw new InvalidParameterException("cannot push a digest reference");
    } else {
      ref = named;
    }
    pusher.push(ref, credentials(auth), new PullProgress(progress));
    event(ref.familiarString(), ref.familiarString(), "push");
  }

  @Override
  public io.berth.api.server.backend.ContainerBackend.Exporter imageSave(List<String> names) {
    if (names.isEmpty()) {
      throw new InvalidParameterException("no images specified");
    }
    ImageService.SaveJob job = images.save(names);
    return job::writeTo;
  }

  @Override
  public void imageLoad(InputStream archive, ProgressListener progress,
      java.util.function.Consumer<String> loaded) {
    images.load(archive, loaded, progress == null ? Progress.NONE : new PullProgress(progress));
  }

  private static Credentials credentials(RegistryAuth auth) {
    return new Credentials(auth.username(), auth.password(), auth.identityToken(), auth.registryToken());
  }

  /** The pull's progress on the API's stream. */
  private record PullProgress(ProgressListener out) implements Progress {
    @Override
    public void status(String id, String status) {
      out.status(id, status);
    }

    @Override
    public void progress(String id, String status, long current, long total) {
      out.progress(id, status, current, total);
    }

    @Override
    public void aux(String tag, String digest, long size) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("Tag", tag);
      m.put("Digest", digest);
      m.put("Size", size);
      out.aux(m);
    }
  }

  @Override
  public String imageBootstrap(String name, ProgressListener progress) {
    if (name.isEmpty()) {
      throw new InvalidParameterException("name is required (busybox or debian:<suite>)");
    }
    return images.bootstrap(name, line -> progress.status(null, line)).id();
  }

  public int count() {
    return images.list().size();
  }
}
