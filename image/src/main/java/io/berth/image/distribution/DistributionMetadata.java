package io.berth.image.distribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.berth.common.Digest;
import io.berth.common.io.AtomicFiles;
import io.berth.common.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The two maps moby's distribution metadata keeps, as files written atomically:
 *
 * <pre>{@code
 * <root>/diffid-by-digest/sha256/<blob hex>     the diffID of a compressed blob
 * <root>/v2metadata-by-diffid/sha256/<diff hex> [{"Digest", "SourceRepository", "MediaType"}]
 * }</pre>
 *
 * A missing or unreadable entry only means a layer is fetched or sent again. Thread-safe.
 */
public final class DistributionMetadata {
  /** One compressed form of a layer and the repository ({@code host/path}) it is known in. */
  public record Source(
      @JsonProperty("Digest") String digest,
      @JsonProperty("SourceRepository") String repository,
      @JsonProperty("MediaType") String mediaType) {}

  private static final System.Logger LOG = System.getLogger(DistributionMetadata.class.getName());
  private static final int MAX_SOURCES = 50;
  private final Path byDigest;
  private final Path byDiffId;
  private final ReentrantLock lock = new ReentrantLock();

  public DistributionMetadata(Path root) throws IOException {
    this.byDigest = root.resolve("diffid-by-digest").resolve("sha256");
    this.byDiffId = root.resolve("v2metadata-by-diffid").resolve("sha256");
    Files.createDirectories(byDigest);
    Files.createDirectories(byDiffId);
  }

  /** The diffID of a blob, when it was pulled or pushed before. */
  public Optional<String> diffId(Digest blob) {
    try {
      String s = Files.readString(byDigest.resolve(blob.hex()), StandardCharsets.UTF_8).trim();
      return Optional.of(Digest.parse(s).toString());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "unreadable distribution metadata for " + blob, e);
      return Optional.empty();
    }
  }

  /** Every known compressed form of a layer, most recent first. */
  public List<Source> sources(String diffId) {
    try {
      byte[] raw = Files.readAllBytes(byDiffId.resolve(Digest.parse(diffId).hex()));
      return Json.mapper().readValue(raw, new TypeReference<List<Source>>() {});
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "unreadable distribution metadata for " + diffId, e);
      return List.of();
    }
  }

  /** Records that {@code diffId} is the layer of {@code source}. */
  public void add(String diffId, Source source) throws IOException {
    Digest blob = Digest.parse(source.digest());
    lock.lock();
    try {
      AtomicFiles.write(byDigest.resolve(blob.hex()), diffId.getBytes(StandardCharsets.UTF_8));
      List<Source> next = new ArrayList<>();
      next.add(source);
      for (Source s : sources(diffId)) {
        if (next.size() < MAX_SOURCES
            && !(s.digest().equals(source.digest()) && s.repository().equals(source.repository()))) {
          next.add(s);
        }
      }
      AtomicFiles.write(byDiffId.resolve(Digest.parse(diffId).hex()), Json.bytes(next));
    } finally {
      lock.unlock();
    }
  }

  /** Forgets a layer that is gone: its blobs' entries and its own. */
  public void remove(String diffId) throws IOException {
    lock.lock();
    try {
      for (Source s : sources(diffId)) {
        Files.deleteIfExists(byDigest.resolve(Digest.parse(s.digest()).hex()));
      }
      Files.deleteIfExists(byDiffId.resolve(Digest.parse(diffId).hex()));
    } finally {
      lock.unlock();
    }
  }
}
