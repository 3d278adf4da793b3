package io.berth.image;

import io.berth.common.Digest;
import io.berth.common.error.NotFoundException;
import io.berth.image.content.ContentStore;
import io.berth.common.io.AtomicFiles;
import io.berth.common.json.Json;
import io.berth.image.layer.ChainIds;
import io.berth.image.layer.LayerInfo;
import io.berth.image.layer.LayerStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Images by id: the config blobs and the {@code images/} index, mirrored in memory. Not
 * thread-safe; {@link ImageService} serialises access.
 */
final class ImageStore {
  private static final System.Logger LOG = System.getLogger(ImageStore.class.getName());
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** A loaded image; {@code chainIds} bottom first. */
  record Stored(
      String id,
      byte[] raw,
      ConfigDocument doc,
      List<String> chainIds,
      long size,
      Instant created) {

    String hex() {
      return Digest.parse(id).hex();
    }
  }

  /** What {@code images/<hex>.json} holds. */
  record ImageMeta(String id) {}

  private final ImagePaths paths;
  private final LayerStore layers;
  private final ContentStore content;
  private final Map<String, Stored> byId = new HashMap<>();

  ImageStore(ImagePaths paths, LayerStore layers, ContentStore content) throws IOException {
    this.paths = paths;
    this.layers = layers;
    this.content = content;
    Files.createDirectories(paths.images());
  }

  /** Startup: loads every complete image and drops index entries that are not. */
  void load() throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(paths.images(), "*.json")) {
      for (Path marker : ds) {
        String name = marker.getFileName().toString();
        String hex = name.substring(0, name.length() - ".json".length());
        Optional<Stored> s = HEX64.matcher(hex).matches() ? tryLoad(hex) : Optional.empty();
        if (s.isPresent()) {
          byId.put(s.get().id(), s.get());
        } else {
          LOG.log(System.Logger.Level.WARNING, "dropping incomplete image " + name);
          Files.deleteIfExists(marker);
        }
      }
    }
  }

  private Optional<Stored> tryLoad(String hex) {
    try {
      Digest id = new Digest("sha256", hex);
      byte[] raw = content.read(id);
      // verified when written; checked again for what the disk may have done since
      if (!Digest.sha256(raw).equals(id)) {
        return Optional.empty();
      }
      return parse(id.toString(), raw);
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "unreadable image " + hex, e);
      return Optional.empty();
    }
  }

  /** The image, if its config parses and all its layers are present. */
  private Optional<Stored> parse(String id, byte[] raw) {
    ConfigDocument doc = Json.parse(raw, ConfigDocument.class);
    List<String> diffIds =
        doc.rootfs() == null || doc.rootfs().diffIds() == null ? List.of() : doc.rootfs().diffIds();
    List<String> chain = ChainIds.of(diffIds);
    long size = 0;
    for (String c : chain) {
      Optional<LayerInfo> l = layers.get(c);
      if (l.isEmpty()) {
        return Optional.empty();
      }
      size += l.get().size();
    }
    return Optional.of(new Stored(id, raw, doc, chain, size, created(doc.created())));
  }

  static Instant created(String s) {
    if (s == null) {
      return Instant.EPOCH;
    }
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** Stores a config whose layers are all committed; returns the (possibly existing) image. */
  Stored add(byte[] raw) throws IOException {
    Digest id = Digest.sha256(raw);
    Stored existing = byId.get(id.toString());
    if (existing != null) {
      return existing;
    }
    Stored s =
        parse(id.toString(), raw)
            .orElseThrow(() -> new IOException("layers of image " + id + " are missing"));
    content.put(raw);
    AtomicFiles.write(paths.image(id), Json.bytes(new ImageMeta(id.toString())));
    byId.put(s.id(), s);
    return s;
  }

  Optional<Stored> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Collection<Stored> all() {
    return List.copyOf(byId.values());
  }

  /** Images whose hex id starts with {@code hexPrefix}. */
  List<Stored> byPrefix(String hexPrefix) {
    List<Stored> out = new ArrayList<>();
    for (Stored s : byId.values()) {
      if (s.hex().startsWith(hexPrefix)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The index entry goes first: from then on the blob is unreferenced garbage at worst. */
  void delete(String id) throws IOException {
    Digest d = Digest.parse(id);
    Files.deleteIfExists(paths.image(d));
    AtomicFiles.fsyncDir(paths.images());
    content.delete(d);
    byId.remove(id);
  }
}
