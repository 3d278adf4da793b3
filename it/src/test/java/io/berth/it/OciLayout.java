package io.berth.it;

import io.berth.common.Digest;
import io.berth.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes OCI image layouts for tests: layers from files in memory, images of those layers for a
 * platform, indexes of images; skopeo then copies them into a registry.
 */
final class OciLayout {
  /** One file of a layer: a directory when {@code data} is null, a symlink when {@code link} is set. */
  record Entry(String name, byte[] data, int mode, String link) {
    static Entry dir(String name) {
      return new Entry(name, null, 0755, null);
    }

    static Entry file(String name, String text) {
      return new Entry(name, text.getBytes(StandardCharsets.UTF_8), 0644, null);
    }

    static Entry link(String name, String target) {
      return new Entry(name, null, 0777, target);
    }
  }

  /** A layer as stored: its gzip blob's descriptor and its diffID. */
  record Layer(Map<String, Object> descriptor, String diffId) {}

  private final Path dir;
  private final List<Map<String, Object>> index = new ArrayList<>();

  OciLayout(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  Path dir() {
    return dir;
  }

  /** busybox from the host, with the applets tests use. */
  static List<Entry> busybox() throws IOException {
    List<Entry> e = new ArrayList<>(List.of(Entry.dir("bin"),
        new Entry("bin/busybox", Files.readAllBytes(Path.of("/bin/busybox")), 0755, null)));
    for (String applet : List.of("sh", "ls", "cat", "echo", "true", "sleep", "id", "env", "wc")) {
      e.add(Entry.link("bin/" + applet, "busybox"));
    }
    return e;
  }

  Digest blob(byte[] data) throws IOException {
    Digest d = Digest.sha256(data);
    Files.write(dir.resolve("blobs/sha256").resolve(d.hex()), data);
    return d;
  }

  Layer layer(List<Entry> entries) throws IOException {
    var tar = new ByteArrayOutputStream();
    try (var out = new TarArchiveOutputStream(tar)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry t;
        if (e.link() != null) {
          t = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
          t.setLinkName(e.link());
        } else if (e.data() == null) {
          t = new TarArchiveEntry(e.name() + "/");
        } else {
          t = new TarArchiveEntry(e.name());
          t.setSize(e.data().length);
        }
        t.setMode((e.link() != null ? 0120000 : e.data() == null ? 040000 : 0100000) | e.mode());
        t.setModTime(0);
        out.putArchiveEntry(t);
        if (e.data() != null) {
          out.write(e.data());
        }
        out.closeArchiveEntry();
      }
    }
    byte[] raw = tar.toByteArray();
    var gz = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gz)) {
      out.write(raw);
    }
    byte[] compressed = gz.toByteArray();
    Digest d = blob(compressed);
    return new Layer(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", d, compressed.length),
        Digest.sha256(raw).toString());
  }

  /** An image manifest for {@code arch}; returns its descriptor (with the platform). */
  Map<String, Object> image(String arch, List<Layer> layers, List<String> cmd) throws IOException {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", arch);
    config.put("os", "linux");
    config.put("created", "2024-01-01T00:00:00Z");
    config.put("config", Map.of("Env", List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        "Cmd", cmd));
    config.put("rootfs", Map.of("type", "layers", "diff_ids", layers.stream().map(Layer::diffId).toList()));
    List<Map<String, Object>> history = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      history.add(Map.of("created", "2024-01-01T00:00:00Z", "created_by", "layer " + i));
    }
    config.put("history", history);
    byte[] cb = Json.bytes(config);
    Digest cd = blob(cb);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    manifest.put("config", descriptor("application/vnd.oci.image.config.v1+json", cd, cb.length));
    manifest.put("layers", layers.stream().map(Layer::descriptor).toList());
    byte[] mb = Json.bytes(manifest);
    Map<String, Object> d = descriptor("application/vnd.oci.image.manifest.v1+json", blob(mb), mb.length);
    d.put("platform", Map.of("os", "linux", "architecture", arch));
    return d;
  }

  /** Names a manifest (an image or an index) by tag in index.json. */
  void tag(Map<String, Object> manifest, String tag) throws IOException {
    Map<String, Object> entry = new LinkedHashMap<>(manifest);
    entry.remove("platform");
    entry.put("annotations", Map.of("org.opencontainers.image.ref.name", tag));
    index.add(entry);
    Files.write(dir.resolve("index.json"), Json.bytes(Map.of("schemaVersion", 2, "manifests", index)));
  }

  /** An OCI index of the given image manifests; returns its descriptor. */
  Map<String, Object> indexOf(List<Map<String, Object>> manifests) throws IOException {
    byte[] b = Json.bytes(Map.of("schemaVersion", 2, "mediaType", "application/vnd.oci.image.index.v1+json",
        "manifests", manifests));
    return descriptor("application/vnd.oci.image.index.v1+json", blob(b), b.length);
  }

  private static Map<String, Object> descriptor(String mediaType, Digest d, long size) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mediaType", mediaType);
    m.put("digest", d.toString());
    m.put("size", size);
    return m;
  }
}
