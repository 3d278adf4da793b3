package io.berth.image.layer;

import io.berth.common.Digest;
import io.berth.common.error.EngineException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.SystemException;
import io.berth.common.io.AtomicFiles;
import io.berth.common.io.MoreFiles;
import io.berth.common.json.Json;
import io.berth.image.archive.ChunkPipe;
import io.berth.image.archive.Decompression;
import io.berth.image.archive.SafeExtractor;
import io.berth.image.archive.TarSplit;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Read-only layers, {@code <layers>/<chain hex>/diff} plus {@code layer.json}. A layer is extracted
 * in two steps so that the slow part needs no lock: {@link #extract} unpacks into a private
 * temporary directory, then {@link #commit} (under the caller's lock) either moves it into place
 * or, when that chain id is already present, throws the copy away.
 */
public final class LayerStore {
  static final String LAYER_JSON = "layer.json";
  private static final System.Logger LOG = System.getLogger(LayerStore.class.getName());

  private final Path layersDir;
  private final Path tmpDir;
  private final Consumer<String> removed;
  private final LayerLimits limits;
  /** Where layers unpack: asked for its free space as they do. */
  private final java.nio.file.FileStore disk;

  /** An extracted layer not yet in the store. */
  public record Pending(Path workDir, String diffId, long size, long tarSize) {}

  public LayerStore(Path layersDir, Path tmpDir) throws IOException {
    this(layersDir, tmpDir, diffId -> {}, LayerLimits.DEFAULT);
  }

  /**
   * @param removed told the diffID of each deleted layer, so that what is kept for it elsewhere
   *     (its compressed blobs) can go when no other layer has that diffID
   */
  public LayerStore(Path layersDir, Path tmpDir, Consumer<String> removed, LayerLimits limits)
      throws IOException {
    this.removed = removed;
    this.limits = limits;
    this.layersDir = layersDir;
    this.tmpDir = tmpDir;
    Files.createDirectories(layersDir);
    Files.createDirectories(tmpDir);
    this.disk = Files.getFileStore(tmpDir);
  }

  /**
   * Unpacks a (possibly compressed) tar. The diff id is the digest of the uncompressed stream, read
   * to its very end. {@code tar} is not closed.
   */
  public Pending extract(InputStream tar) {
    return extract(tar, null);
  }

  /**
   * As {@link #extract(InputStream)}, also copying the uncompressed tar, byte for byte, to {@code
   * copy} (when not null): what a push or a save sends must be exactly the tar of the diffID.
   */
  public Pending extract(InputStream tar, OutputStream copy) {
    Path work = null;
    try {
      work = Files.createTempDirectory(tmpDir, "layer-");
      Path diff = work.resolve("diff");
      Files.createDirectory(diff);
      Files.setAttribute(diff, "unix:mode", 0755);
      MessageDigest md = Digest.newSha256();
      long[] tarSize = {0};
      long size;
      // decompressing and hashing on one thread, unpacking on this one: they overlap on 2 cores
      ChunkPipe pipe = ChunkPipe.from("layer-decompress", sink -> {
        try (InputStream raw = Decompression.decompress(new NonClosing(tar));
            DigestInputStream in = new DigestInputStream(copy == null ? raw : new Tee(raw, copy), md)) {
          byte[] buf = new byte[128 * 1024];
          int n;
          while ((n = in.read(buf)) > 0) {
            limits.check(tarSize[0] + n, tarSize[0], disk);
            tarSize[0] += n;
            sink.write(buf, 0, n);
          }
        }
      });
      try (InputStream in = new java.io.BufferedInputStream(pipe.input(), 64 * 1024);
          TarSplit.Recorder skeleton = new TarSplit.Recorder(in, work.resolve(TarSplit.FILE_NAME))) {
        try {
          size = SafeExtractor.extract(skeleton, diff, (total, previous) -> limits.check(total, previous, disk));
          skeleton.finish();
        } catch (IOException | RuntimeException e) {
          skeleton.abandon();
          throw e;
        }
      }
      return new Pending(work, Digest.ofSha256(md).toString(), size, tarSize[0]);
    } catch (IOException | RuntimeException e) {
      discard(work);
      if (e instanceof EngineException ee) {
        throw ee;
      }
      LayerLimits.Exceeded limit = LayerLimits.exceeded(e);
      if (limit != null) {
        throw new InvalidParameterException(limit.getMessage(), limit);
      }
      throw new SystemException("cannot extract layer: " + e.getMessage(), e);
    }
  }

  /** Publishes a pending layer on top of {@code parent} (null for a base layer). */
  public LayerInfo commit(Pending p, String parent) {
    String chainId = ChainIds.next(parent, p.diffId());
    Path dest = dir(chainId);
    try {
      Optional<LayerInfo> existing = get(chainId);
      if (existing.isPresent()) {
        discard(p.workDir());
        return existing.get();
      }
      removeDir(dest);
      syncFilesystem(p.workDir());
      Files.move(p.workDir(), dest, StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.fsyncDir(layersDir);
      LayerInfo info = new LayerInfo(p.diffId(), chainId, parent, p.size(), p.tarSize());
      AtomicFiles.write(dest.resolve(LAYER_JSON), Json.bytes(info));
      return info;
    } catch (IOException e) {
      discard(p.workDir());
      throw new SystemException("cannot store layer " + chainId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the layer's tar again, byte for byte, from its unpacked files and the skeleton kept
   * when it was unpacked.
   *
   * @return false, writing nothing, when the layer keeps no skeleton (unpacked before Berth kept
   *     them, or a tar that cannot be rebuilt from its files)
   */
  public boolean writeTar(String chainId, OutputStream out) throws IOException {
    Path skeleton = dir(chainId).resolve(TarSplit.FILE_NAME);
    if (!Files.isRegularFile(skeleton, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    TarSplit.assemble(skeleton, dir(chainId).resolve("diff"), out);
    return true;
  }

  /** A layer's tar, read once, and its length. */
  public record Tar(InputStream stream, long size) {}

  /**
   * The tar of a layer with this diffID, rebuilt on a thread of its own as it is read; empty when
   * no stored layer with that diffID keeps a skeleton.
   */
  public Optional<Tar> rebuiltTar(String diffId) throws IOException {
    for (String chainId : list()) {
      Optional<LayerInfo> l = get(chainId);
      if (l.isPresent() && l.get().diffId().equals(diffId) && hasTarSplit(chainId)) {
        ChunkPipe pipe = ChunkPipe.from("layer-tar", sink -> {
          boolean written = writeTar(chainId, new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              sink.write(b, off, len);
            }
          });
          if (!written) {
            // removed meanwhile: an empty stream would pass for an empty layer
            throw new IOException("layer " + chainId + " is gone");
          }
        });
        return Optional.of(new Tar(pipe.input(), l.get().tarSize()));
      }
    }
    return Optional.empty();
  }

  /** Forgets a skeleton found to rebuild a wrong tar (the layer's files changed). */
  public void dropTarSplit(String chainId) throws IOException {
    LOG.log(System.Logger.Level.WARNING, "layer " + chainId + " no longer rebuilds its tar: its skeleton goes");
    Files.deleteIfExists(dir(chainId).resolve(TarSplit.FILE_NAME));
  }

  /** Whether {@link #writeTar} can rebuild this layer's tar. */
  public boolean hasTarSplit(String chainId) {
    return Files.isRegularFile(dir(chainId).resolve(TarSplit.FILE_NAME), LinkOption.NOFOLLOW_LINKS);
  }

  /** Throws away an extraction that will not be committed. */
  public void discard(Path workDir) {
    if (workDir == null) {
      return;
    }
    try {
      MoreFiles.deleteRecursively(workDir);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot remove " + workDir + " (removed at restart)", e);
    }
  }

  public Optional<LayerInfo> get(String chainId) {
    Path json = dir(chainId).resolve(LAYER_JSON);
    if (!Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.parse(Files.readAllBytes(json), LayerInfo.class));
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "unreadable " + json, e);
      return Optional.empty();
    }
  }

  /** The unpacked content of a layer, an overlay lowerdir. */
  public Path diffDir(String chainId) {
    return dir(chainId).resolve("diff");
  }

  /** Chain ids of all complete layers. */
  public Set<String> list() throws IOException {
    Set<String> out = new LinkedHashSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(layersDir)) {
      for (Path d : ds) {
        if (Files.isRegularFile(d.resolve(LAYER_JSON), LinkOption.NOFOLLOW_LINKS)) {
          out.add("sha256:" + d.getFileName());
        }
      }
    }
    return out;
  }

  /** The diffIDs of the stored layers. */
  public Set<String> diffIds() throws IOException {
    Set<String> out = new java.util.HashSet<>();
    for (String chainId : list()) {
      get(chainId).ifPresent(l -> out.add(l.diffId()));
    }
    return out;
  }

  /** Removes a layer; the caller has checked that nothing uses it. */
  public void delete(String chainId) throws IOException {
    Optional<LayerInfo> info = get(chainId);
    removeDir(dir(chainId));
    info.ifPresent(i -> removed.accept(i.diffId()));
  }

  /** Whether any complete layer has this diffID. */
  public boolean hasDiffId(String diffId) throws IOException {
    return diffIds().contains(diffId);
  }

  /** Startup: a layer directory without {@code layer.json} is what a crash left behind. */
  public void removeIncomplete() throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(layersDir)) {
      for (Path d : ds) {
        if (!Files.isRegularFile(d.resolve(LAYER_JSON), LinkOption.NOFOLLOW_LINKS)) {
          LOG.log(System.Logger.Level.INFO, "removing incomplete layer " + d.getFileName());
          removeDir(d);
        }
      }
    }
  }

  /** Renames first so that a crash mid-delete leaves garbage in tmp, not a half layer. */
  private void removeDir(Path d) throws IOException {
    if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path trash = Files.createTempDirectory(tmpDir, "trash-").resolve(d.getFileName());
    Files.move(d, trash, StandardCopyOption.ATOMIC_MOVE);
    MoreFiles.deleteRecursively(trash.getParent());
  }

  private Path dir(String chainId) {
    return layersDir.resolve(Digest.parse(chainId).hex());
  }

  /**
   * Flushes the unpacked files before {@code layer.json} declares them complete; one syncfs for the
   * whole filesystem is far cheaper than an fsync per file.
   */
  private static void syncFilesystem(Path dir) {
    try {
      Process p =
          new ProcessBuilder("sync", "-f", dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "sync -f failed; layer data may not be durable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every byte read is also written to {@code copy}. */
  private static final class Tee extends FilterInputStream {
    private final OutputStream copy;

    Tee(InputStream in, OutputStream copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        copy.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        copy.write(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      int r = read(buf, 0, buf.length);
      return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  /** The caller owns the stream it passed in. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
