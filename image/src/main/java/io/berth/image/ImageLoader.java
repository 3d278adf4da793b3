package io.berth.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.Digest;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import io.berth.image.archive.Decompression;
import io.berth.image.content.ContentStore;
import io.berth.image.content.VerificationException;
import io.berth.image.distribution.DistributionMetadata;
import io.berth.image.layer.ChainIds;
import io.berth.image.layer.LayerStore;
import io.berth.registry.manifest.Descriptor;
import io.berth.registry.manifest.Manifest;
import io.berth.registry.manifest.Manifests;
import io.berth.registry.manifest.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import io.berth.image.archive.TarSplit;
import io.berth.image.pull.Progress;
import io.berth.image.pull.ProgressStream;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code docker load}: Docker 25+ tarballs, older docker-archive tarballs ({@code <id>/layer.tar},
 * {@code <hex>.json}) and plain OCI layouts, plain or compressed, several images in one. The
 * archive is read once: every file goes into the content store as it streams by (a {@code
 * blobs/sha256/} file must be the digest it is named by), then the manifests say which are
 * configs and layers. Layers are unpacked and verified against the config's diffIDs before
 * anything is published; what the archive held besides is dropped.
 */
final class ImageLoader {
  private static final Pattern BLOB = Pattern.compile("blobs/sha256/([0-9a-f]{64})");
  private static final int MAX_META = 8 << 20;

  /** What loading needs of the image service, whose lock it takes inside. */
  interface Target {
    LayerStore layers();

    /** Publishes a layer on {@code parent} under the store's lock. */
    void commit(LayerStore.Pending p, String parent);

    /** Stores a config and tags it; returns the lines to report. */
    List<String> store(byte[] config, List<String> tags);
  }

  private final ContentStore content;
  private final DistributionMetadata metadata;
  private final Target target;
  private final Progress progress;

  ImageLoader(ContentStore content, DistributionMetadata metadata, Target target, Progress progress) {
    this.progress = progress;
    this.content = content;
    this.metadata = metadata;
    this.target = target;
  }

  /** One file of the archive: a blob in the store, or a symlink to another entry. */
  private record Entry(Digest blob, String link) {}

  /** Layers unpacked while the archive streams in, until an image claims them. */
  private EarlyLayers early;

  void load(InputStream archive, Consumer<String> out) throws IOException {
    Map<String, Entry> files = new HashMap<>();
    Set<Digest> added = new HashSet<>();
    Set<Digest> keep = new HashSet<>();
    try {
      early = new EarlyLayers(target.layers(), metadata, progress);
      read(archive, files, added);
      if (files.containsKey("manifest.json")) {
        loadDockerArchive(files, keep, out);
      } else if (files.containsKey("index.json")) {
        loadOciLayout(files, keep, out);
      } else {
        throw new InvalidParameterException("invalid archive: does not contain a manifest.json");
      }
    } finally {
      if (early != null) {
        early.discardUnclaimed();
      }
      for (Digest d : added) {
        if (!keep.contains(d)) {
          content.delete(d);
        }
      }
    }
  }

  private void read(InputStream archive, Map<String, Entry> files, Set<Digest> added) throws IOException {
    try (InputStream plain = Decompression.decompress(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(plain)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String name = clean(e.getName());
        if (name.isEmpty() || e.isDirectory()) {
          continue;
        }
        if (e.isSymbolicLink()) {
          files.put(name, new Entry(null, resolve(name, e.getLinkName())));
          continue;
        }
        if (e.isLink()) {
          files.put(name, new Entry(null, clean(e.getLinkName())));
          continue;
        }
        if (!e.isFile()) {
          continue;
        }
        var m = BLOB.matcher(name);
        Digest expected = m.matches() ? new Digest("sha256", m.group(1)) : null;
        boolean had = expected != null && content.size(expected).isPresent();
        Digest d;
        LayerStore.Pending unpacked = null;
        try (ContentStore.Writer w = content.writer(expected, e.getSize())) {
          byte[] head = tar.readNBytes(512);
          if (!had && early.wanted(name, expected, head)) {
            unpacked = early.unpackWhileStoring(head, tar, w.stream(), expected, e.getSize());
          } else {
            w.stream().write(head);
            tar.transferTo(w.stream());
          }
          d = w.commit();
        } catch (IOException | RuntimeException ex) {
          if (unpacked != null) {
            target.layers().discard(unpacked.workDir());
          }
          if (ex instanceof VerificationException) {
            throw new InvalidParameterException("invalid archive: " + name + " is not the content it is named by");
          }
          throw ex;
        }
        if (unpacked != null) {
          early.add(d, unpacked);
          if (expected != null && unpacked.diffId().equals(d.toString())
              && Files.isRegularFile(unpacked.workDir().resolve(TarSplit.FILE_NAME))) {
            // A plain tar this load brought, that no layer had, lives on in its unpacked files,
            // whose skeleton rebuilds it for save and push: dropped now, its pages never reach
            // the disk. (A blob the store held before, or one without a skeleton, stays.)
            content.delete(d);
          }
        }
        if (!had) {
          added.add(d);
        }
        files.put(name, new Entry(d, null));
      }
    }
  }

  /** An entry name without {@code ./}; names that climb out of the archive are refused. */
  private static String clean(String raw) {
    String n = raw.replace('\\', '/');
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    if (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        throw new InvalidParameterException("invalid archive: entry name " + raw + " leaves the archive");
      }
    }
    if (n.startsWith("/")) {
      throw new InvalidParameterException("invalid archive: entry name " + raw + " is absolute");
    }
    return n;
  }

  private static String resolve(String from, String link) {
    if (link.startsWith("/")) {
      throw new InvalidParameterException("invalid archive: link " + from + " points outside it");
    }
    int slash = from.lastIndexOf('/');
    String base = slash < 0 ? "" : from.substring(0, slash);
    List<String> parts = new ArrayList<>(base.isEmpty() ? List.of() : List.of(base.split("/")));
    for (String p : link.split("/")) {
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          throw new InvalidParameterException("invalid archive: link " + from + " points outside it");
        }
        parts.removeLast();
      } else if (!p.isEmpty() && !p.equals(".")) {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  private Digest blob(Map<String, Entry> files, String path) {
    String p = clean(path);
    for (int hops = 0; hops < 16; hops++) {
      Entry e = files.get(p);
      if (e == null) {
        throw new InvalidParameterException("invalid archive: " + path + " is missing");
      }
      if (e.blob() != null) {
        return e.blob();
      }
      p = e.link();
    }
    throw new InvalidParameterException("invalid archive: too many links from " + path);
  }

  private byte[] small(Map<String, Entry> files, String path) throws IOException {
    Digest d = blob(files, path);
    if (content.size(d).orElse(0) > MAX_META) {
      throw new InvalidParameterException("invalid archive: " + path + " is too large");
    }
    return content.read(d);
  }

  private void loadDockerArchive(Map<String, Entry> files, Set<Digest> keep, Consumer<String> out) throws IOException {
    JsonNode manifest = Json.mapper().readTree(small(files, "manifest.json"));
    if (!manifest.isArray()) {
      throw new InvalidParameterException("invalid archive: manifest.json is not a list");
    }
    for (JsonNode item : manifest) {
      Digest config = blob(files, item.path("Config").asText());
      List<Digest> layers = new ArrayList<>();
      for (JsonNode l : item.path("Layers")) {
        layers.add(blob(files, l.asText()));
      }
      List<String> tags = new ArrayList<>();
      for (JsonNode t : item.path("RepoTags")) {
        tags.add(t.asText());
      }
      loadImage(config, layers, tags, keep, out);
    }
  }

  private void loadOciLayout(Map<String, Entry> files, Set<Digest> keep, Consumer<String> out) throws IOException {
    JsonNode index = Json.mapper().readTree(small(files, "index.json"));
    for (JsonNode m : index.path("manifests")) {
      Descriptor d = Json.mapper().convertValue(m, Descriptor.class);
      byte[] raw = small(files, "blobs/sha256/" + d.parsedDigest().hex());
      Manifest parsed = Manifests.parse(raw, d.mediaType(), d.digest());
      if (parsed instanceof Manifest.Index list) {
        Descriptor entry = Manifests.select(list, Platform.host());
        parsed = Manifests.parse(small(files, "blobs/sha256/" + entry.parsedDigest().hex()), entry.mediaType(), entry.digest());
      }
      if (!(parsed instanceof Manifest.Image image)) {
        throw new InvalidParameterException("invalid archive: " + d.digest() + " is not an image manifest");
      }
      List<Digest> layers = new ArrayList<>();
      for (Descriptor l : image.layers()) {
        layers.add(blob(files, "blobs/sha256/" + l.parsedDigest().hex()));
      }
      List<String> tags = new ArrayList<>();
      Map<String, String> ann = d.annotations() == null ? Map.of() : d.annotations();
      String name = ann.getOrDefault("io.containerd.image.name", "");
      String ref = ann.getOrDefault("org.opencontainers.image.ref.name", "");
      if (!name.isEmpty()) {
        tags.add(io.berth.image.reference.Reference.parse(name).familiarString());
      } else if (!ref.isEmpty() && ref.contains(":")) {
        tags.add(io.berth.image.reference.Reference.parse(ref).familiarString());
      }
      loadImage(blob(files, "blobs/sha256/" + image.config().parsedDigest().hex()), layers, tags, keep, out);
    }
  }

  private void loadImage(Digest configBlob, List<Digest> layerBlobs, List<String> tags, Set<Digest> keep,
      Consumer<String> out) throws IOException {
    if (content.size(configBlob).orElse(0) > MAX_META) {
      throw new InvalidParameterException("invalid archive: image config " + configBlob + " is too large");
    }
    byte[] config = content.read(configBlob);
    ConfigDocument doc;
    try {
      doc = Json.parse(config, ConfigDocument.class);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid archive: unreadable image config: " + e.getMessage());
    }
    List<String> diffIds = doc.rootfs() == null || doc.rootfs().diffIds() == null ? List.of() : doc.rootfs().diffIds();
    if (diffIds.size() != layerBlobs.size()) {
      throw new InvalidParameterException("invalid manifest, layers length mismatch: expected "
          + diffIds.size() + ", got " + layerBlobs.size());
    }
    List<String> normalised = new ArrayList<>();
    for (String t : tags) {
      normalised.add(io.berth.image.reference.Reference.parse(t).withDefaultTag().familiarString());
    }
    String parent = null;
    LayerStore layers = target.layers();
    for (int i = 0; i < diffIds.size(); i++) {
      String chain = ChainIds.next(parent, diffIds.get(i));
      Digest blob = layerBlobs.get(i);
      keep.add(blob);
      String type = blob.toString().equals(diffIds.get(i)) ? null : mediaTypeOf(blob);
      boolean keepTar = type == null || type.isEmpty();
      LayerStore.Pending unpackedEarly = early.claim(blob);
      if (layers.get(chain).isEmpty()) {
        LayerStore.Pending p = unpackedEarly != null ? unpackedEarly
            : unpack(blob, diffIds.get(i), keepTar && type != null, keep);
        if (!p.diffId().equals(diffIds.get(i))) {
          layers.discard(p.workDir());
          throw new InvalidParameterException("invalid diffID for layer " + i + ": expected \""
              + diffIds.get(i) + "\", got \"" + p.diffId() + "\"");
        }
        target.commit(p, parent);
      } else if (unpackedEarly != null) {
        layers.discard(unpackedEarly.workDir());
      }
      if (!keepTar) {
        // a gzip or zstd layer: kept as it came, with no repository, so that save and push find it
        metadata.add(diffIds.get(i), new DistributionMetadata.Source(blob.toString(), "", type));
      }
      parent = chain;
    }
    keep.add(configBlob);
    target.store(config, normalised).forEach(out);
  }

  /**
   * Unpacks a layer from its stored blob; {@code keepTarCopy} keeps its tar too (bzip2 and xz are
   * no layer media type: such a layer keeps its tar, as an import does).
   */
  private LayerStore.Pending unpack(Digest blob, String diffId, boolean keepTarCopy, Set<Digest> keep)
      throws IOException {
    try (InputStream in = content.size(blob).isPresent() ? content.open(blob)
            : target.layers().rebuiltTar(diffId).map(LayerStore.Tar::stream).orElseThrow(
                () -> new InvalidParameterException("invalid archive: layer " + diffId + " is missing"));
        ContentStore.Writer tarCopy = keepTarCopy ? content.writer(null, -1) : null) {
      // dockerd names a loading layer by its diffID's first 12 digits
      var counted = new ProgressStream(in, null, Digest.parse(diffId).hex().substring(0, 12),
          "Loading layer", content.size(blob).orElse(-1), progress);
      LayerStore.Pending p = target.layers().extract(counted, tarCopy == null ? null : tarCopy.stream());
      if (tarCopy != null) {
        keep.add(tarCopy.commit());
      }
      return p;
    }
  }

  /** The layer media type of a compressed blob: gzip or zstd; empty for anything else. */
  private String mediaTypeOf(Digest blob) throws IOException {
    try (InputStream in = content.open(blob)) {
      return switch (io.berth.image.archive.Decompression.format(in.readNBytes(6))) {
        case GZIP -> "application/vnd.docker.image.rootfs.diff.tar.gzip";
        case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
        case BZIP2, XZ, NONE -> "";
      };
    }
  }
}
