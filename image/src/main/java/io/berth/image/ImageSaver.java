package io.berth.image;

import io.berth.common.Digest;
import io.berth.common.error.SystemException;
import io.berth.common.json.Json;
import io.berth.image.ImageStore.Stored;
import io.berth.image.archive.Decompression;
import io.berth.image.content.ContentStore;
import io.berth.image.distribution.DistributionMetadata;
import io.berth.image.reference.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker save}'s tarball as Docker 25 and later write it: one tar that is both a Docker
 * archive ({@code manifest.json}, {@code repositories}) and an OCI image layout ({@code
 * oci-layout}, {@code index.json}, {@code blobs/sha256/}), layers as uncompressed tars named by
 * their diffID, every time stamp the epoch. Not thread-safe; the caller holds the store's lock
 * while it gathers the images, not while it writes.
 */
final class ImageSaver {
  /** An image to save and the names it is saved under (familiar {@code name:tag}). */
  record Item(Stored image, List<String> tags) {}

  private final ContentStore content;
  private final DistributionMetadata metadata;
  private final Path tmp;
  private final java.util.function.ToLongFunction<String> tarSizes;
  private final LayerTars layerTars;

  /** Rebuilds a layer's tar from its unpacked files ({@code LayerStore#writeTar}). */
  interface LayerTars {
    /** Writes the tar of the layer with this diffID; false, having written nothing, if it cannot. */
    boolean write(String diffId, OutputStream out) throws IOException;

    boolean has(String diffId);

    /** The layer's skeleton rebuilt a wrong tar: it goes, and later saves use the blob. */
    void broken(String diffId) throws IOException;
  }

  /** @param tarSizes the uncompressed tar size of a diffID's layer, 0 when unknown */
  ImageSaver(ContentStore content, DistributionMetadata metadata, Path tmp,
      java.util.function.ToLongFunction<String> tarSizes, LayerTars layerTars) {
    this.content = content;
    this.metadata = metadata;
    this.tmp = tmp;
    this.tarSizes = tarSizes;
    this.layerTars = layerTars;
  }

  void write(List<Item> items, OutputStream target) throws IOException {
    List<Path> temps = new ArrayList<>();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(target), 64 * 1024)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      directory(tar, "blobs/");
      directory(tar, "blobs/sha256/");
      Set<String> written = new LinkedHashSet<>();
      List<Map<String, Object>> manifestJson = new ArrayList<>();
      List<Map<String, Object>> index = new ArrayList<>();
      Map<String, Map<String, String>> repositories = new TreeMap<>();
      for (Item item : items) {
        Stored img = item.image();
        Digest id = Digest.parse(img.id());
        if (written.add(id.hex())) {
          file(tar, "blobs/sha256/" + id.hex(), img.raw());
        }
        List<String> diffIds = diffIds(img);
        List<String> layerPaths = new ArrayList<>();
        List<Map<String, Object>> layerDescriptors = new ArrayList<>();
        for (String diffId : diffIds) {
          Digest d = Digest.parse(diffId);
          String path = "blobs/sha256/" + d.hex();
          layerPaths.add(path);
          long size;
          if (content.size(d).isPresent()) {
            size = content.size(d).getAsLong();
            if (written.add(d.hex())) {
              try (InputStream in = content.open(d)) {
                stream(tar, path, size, in);
              }
            }
          } else if (tarSizes.applyAsLong(diffId) > 0 && layerTars.has(diffId)) {
            // the unpacked files and the tar's skeleton: a copy, no decompression
            size = tarSizes.applyAsLong(diffId);
            if (written.add(d.hex())) {
              rebuilt(tar, path, size, d);
            }
          } else if (tarSizes.applyAsLong(diffId) > 0 && pulledBlob(d) != null) {
            // the size is known from the unpacking: the pulled blob decompresses straight in
            size = tarSizes.applyAsLong(diffId);
            if (written.add(d.hex())) {
              try (InputStream in = Decompression.decompress(content.open(pulledBlob(d)))) {
                stream(tar, path, size, in);
              }
            }
          } else {
            Path file = layerTar(d, temps);
            size = Files.size(file);
            if (written.add(d.hex())) {
              try (InputStream in = Files.newInputStream(file)) {
                stream(tar, path, size, in);
              }
            }
          }
          layerDescriptors.add(descriptor("application/vnd.oci.image.layer.v1.tar", diffId, size));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.put("config", descriptor("application/vnd.oci.image.config.v1+json", img.id(), img.raw().length));
        manifest.put("layers", layerDescriptors);
        byte[] m = Json.bytes(manifest);
        Digest md = Digest.sha256(m);
        if (written.add(md.hex())) {
          file(tar, "blobs/sha256/" + md.hex(), m);
        }
        if (item.tags().isEmpty()) {
          index.add(descriptor("application/vnd.oci.image.manifest.v1+json", md.toString(), m.length));
        }
        for (String t : item.tags()) {
          Reference r = Reference.parse(t);
          Map<String, Object> entry = descriptor("application/vnd.oci.image.manifest.v1+json", md.toString(), m.length);
          entry.put("annotations", Map.of("io.containerd.image.name", r.toString(),
              "org.opencontainers.image.ref.name", r.tag()));
          index.add(entry);
          if (!diffIds.isEmpty()) {
            repositories.computeIfAbsent(r.familiarName(), k -> new TreeMap<>())
                .put(r.tag(), Digest.parse(diffIds.getLast()).hex());
          }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Config", "blobs/sha256/" + id.hex());
        row.put("RepoTags", item.tags());
        row.put("Layers", layerPaths);
        manifestJson.add(row);
      }
      file(tar, "index.json", Json.bytes(Map.of("schemaVersion", 2,
          "mediaType", "application/vnd.oci.image.index.v1+json", "manifests", index)));
      file(tar, "manifest.json", Json.bytes(manifestJson));
      file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      if (!repositories.isEmpty()) {
        file(tar, "repositories", Json.bytes(repositories));
      }
      tar.finish();
    } finally {
      for (Path p : temps) {
        Files.deleteIfExists(p);
      }
    }
  }

  static List<String> diffIds(Stored img) {
    ConfigDocument.RootFs fs = img.doc().rootfs();
    return fs == null || fs.diffIds() == null ? List.of() : fs.diffIds();
  }

  /** A compressed blob the layer was pulled or loaded as, present in the store; null if none. */
  private Digest pulledBlob(Digest diffId) throws IOException {
    for (DistributionMetadata.Source s : metadata.sources(diffId.toString())) {
      Digest blob = Digest.parse(s.digest());
      if (content.size(blob).isPresent()) {
        return blob;
      }
    }
    return null;
  }

  /** The layer's tar decompressed from the blob it was pulled as, into a temporary file. */
  private Path layerTar(Digest diffId, List<Path> temps) throws IOException {
    for (DistributionMetadata.Source s : metadata.sources(diffId.toString())) {
      Digest blob = Digest.parse(s.digest());
      if (content.size(blob).isEmpty()) {
        continue;
      }
      Path file = Files.createTempFile(tmp, "save-", ".tar");
      temps.add(file);
      var md = Digest.newSha256();
      try (InputStream in = new java.security.DigestInputStream(Decompression.decompress(content.open(blob)), md);
          OutputStream out = Files.newOutputStream(file)) {
        in.transferTo(out);
      }
      if (Digest.ofSha256(md).equals(diffId)) {
        return file;
      }
    }
    throw new SystemException("cannot save layer " + diffId + ": Berth kept no tar of it (it was stored by an"
        + " older Berth); pull or import the image again");
  }

  /** A layer's tar rebuilt from its files, checked against its diffID as it goes out. */
  private void rebuilt(TarArchiveOutputStream tar, String name, long size, Digest diffId) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100644);
    e.setModTime(0);
    e.setSize(size);
    tar.putArchiveEntry(e);
    var md = Digest.newSha256();
    var out = new java.security.DigestOutputStream(new NonClosing(tar), md);
    if (!layerTars.write(diffId.toString(), out)) {
      throw new IOException("the tar of layer " + diffId + " cannot be rebuilt");
    }
    if (!Digest.ofSha256(md).equals(diffId)) {
      // the archive is cut short here: the client gets an error, not a wrong layer
      layerTars.broken(diffId.toString());
      throw new SystemException("layer " + diffId + " does not rebuild to its content digest: its files changed");
    }
    tar.closeArchiveEntry();
  }

  private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("digest", digest);
    d.put("size", size);
    return d;
  }

  private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(040755);
    e.setModTime(0);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    stream(tar, name, data.length, new java.io.ByteArrayInputStream(data));
  }

  private static void stream(TarArchiveOutputStream tar, String name, long size, InputStream in) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100644);
    e.setModTime(0);
    e.setSize(size);
    tar.putArchiveEntry(e);
    long copied = in.transferTo(tar);
    if (copied != size) {
      throw new IOException(name + " changed while being saved");
    }
    tar.closeArchiveEntry();
  }

  /** The response stream is the caller's to close. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    /**
     * Neither closes nor flushes: the response is ended by its owner once the archive is whole,
     * and a failure before anything went out can still be a plain error response.
     */
    @Override
    public void close() {}
  }
}
