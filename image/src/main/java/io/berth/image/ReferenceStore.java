package io.berth.image;

import com.fasterxml.jackson.core.type.TypeReference;
import io.berth.common.io.AtomicFiles;
import io.berth.common.json.Json;
import io.berth.image.reference.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Tags: familiar {@code name:tag} to image id, persisted in {@code repositories.json}. Every change
 * writes the whole file atomically before it becomes visible. Not thread-safe.
 */
final class ReferenceStore {
  private static final System.Logger LOG = System.getLogger(ReferenceStore.class.getName());

  private final Path file;
  private TreeMap<String, String> refs = new TreeMap<>();

  ReferenceStore(Path file) {
    this.file = file;
  }

  /** Startup: keeps the tags of images that exist; a corrupt file is set aside, not fatal. */
  void load(Predicate<String> imageExists) throws IOException {
    Map<String, String> stored;
    try {
      stored = Json.mapper().readValue(Files.readAllBytes(file), new TypeReference<>() {});
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
      LOG.log(System.Logger.Level.ERROR, "unreadable " + file + ", moved to " + aside, e);
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    TreeMap<String, String> kept = new TreeMap<>();
    stored.forEach(
        (ref, id) -> {
          if (isFamiliarTag(ref) && imageExists.test(id)) {
            kept.put(ref, id);
          } else {
            LOG.log(System.Logger.Level.WARNING, "dropping tag " + ref + " of " + id);
          }
        });
    refs = kept;
    if (kept.size() != stored.size()) {
      save(kept);
    }
  }

  private static boolean isFamiliarTag(String ref) {
    try {
      return Reference.parse(ref).familiarString().equals(ref);
    } catch (RuntimeException e) {
      return false;
    }
  }

  Optional<String> get(String familiarRef) {
    return Optional.ofNullable(refs.get(familiarRef));
  }

  /** The tags of an image, sorted. */
  List<String> refsOf(String id) {
    List<String> out = new ArrayList<>();
    refs.forEach(
        (ref, target) -> {
          if (target.equals(id)) {
            out.add(ref);
          }
        });
    return out;
  }

  void put(String familiarRef, String id) throws IOException {
    TreeMap<String, String> next = new TreeMap<>(refs);
    next.put(familiarRef, id);
    save(next);
  }

  void remove(String familiarRef) throws IOException {
    if (!refs.containsKey(familiarRef)) {
      return;
    }
    TreeMap<String, String> next = new TreeMap<>(refs);
    next.remove(familiarRef);
    save(next);
  }

  private void save(TreeMap<String, String> next) throws IOException {
    AtomicFiles.write(file, Json.bytes(next));
    refs = next;
  }
}
