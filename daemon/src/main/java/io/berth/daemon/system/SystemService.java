package io.berth.daemon.system;

import io.berth.api.model.ApiVersion;
import io.berth.api.model.container.ContainerSummary;
import io.berth.api.model.image.ImageSummary;
import io.berth.api.model.system.DiskUsage;
import io.berth.api.model.system.Info;
import io.berth.api.model.system.Version;
import io.berth.api.server.backend.SystemBackend;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** {@code /version} and {@code /info}. */
public final class SystemService implements SystemBackend {
  public static final String VERSION = "28.2.2-berth.0.1.0";
  public static final String BERTH_VERSION = "0.1.0";
  private static final String NO_COMMIT = "N/A";
  private final ContainerStore store;
  private final IntSupplier imageCount;
  private final Path dataRoot;
  /** Asked of runc the first time a client wants it: spawning runc at start delays the first answer. */
  private final java.util.function.Supplier<String> runcVersion;
  private final String daemonId;
  private final DiskUsageSources usage;
  private final Info.RegistryConfig registryConfig;

  /** What {@code system df} measures; each is asked only when its kind is. */
  public record DiskUsageSources(
      java.util.function.Supplier<List<ImageSummary>> images,
      java.util.function.LongSupplier layersSize,
      java.util.function.Supplier<List<ContainerSummary>> containers,
      java.util.function.Supplier<List<? extends Object>> volumes) {}

  public SystemService(ContainerStore store, IntSupplier imageCount, Path dataRoot,
      java.util.function.Supplier<String> runcVersion, String daemonId, DiskUsageSources usage,
      Info.RegistryConfig registryConfig) {
    this.registryConfig = registryConfig;
    this.store = store;
    this.usage = usage;
    this.imageCount = imageCount;
    this.dataRoot = dataRoot;
    this.runcVersion = memoize(runcVersion);
    this.daemonId = daemonId;
  }

  @Override
  public Version version() {
    String kernel = System.getProperty("os.version");
    return new Version(Map.of("Name", "Berth Engine"),
        List.of(
            new Version.Component("Engine", VERSION, Map.of(
                "ApiVersion", ApiVersion.MAX.toString(), "MinAPIVersion", ApiVersion.MIN.toString(),
                "Os", "linux", "Arch", "amd64", "KernelVersion", kernel, "GitCommit", "berth",
                "GoVersion", "java" + Runtime.version().feature(), "BuildTime", "",
                "Experimental", "false")),
            new Version.Component("Berth", BERTH_VERSION, Map.of()),
            new Version.Component("runc", runcVersion.get(), Map.of())),
        VERSION, ApiVersion.MAX.toString(), ApiVersion.MIN.toString(), "berth",
        "java" + Runtime.version().feature(), "linux", "amd64", kernel, null);
  }

  @Override
  public DiskUsage diskUsage(DiskUsage.Kinds kinds) {
    // Berth has no build cache yet: asked for, it is empty, never made up
    return new DiskUsage(
        kinds.images() ? usage.layersSize().getAsLong() : 0,
        kinds.images() ? usage.images().get() : null,
        kinds.containers() ? usage.containers().get() : null,
        kinds.volumes() ? List.copyOf(usage.volumes().get()) : null,
        kinds.buildCache() ? List.of() : null);
  }

  @Override
  public Info info() {
    List<Container> all = store.all();
    int running = (int) all.stream().filter(c -> c.state().running()).count();
    return new Info(daemonId, all.size(), running, 0, all.size() - running, imageCount.getAsInt(),
        "overlay2", List.of(List.of("Backing Filesystem", "extfs")),
        Map.of("Volume", List.of("local"), "Network", List.of("host", "none"), "Log", List.of("k8s-file")),
        true, false, true, true, true, true, true, true, false, 0, 0, Instant.now().toString(),
        "k8s-file", "cgroupfs", cgroupVersion(), 0, System.getProperty("os.version"),
        osName(), "", "linux", "x86_64", "https://index.docker.io/v1/",
        registryConfig,
        Runtime.getRuntime().availableProcessors(), memTotal(), dataRoot.toString(), hostname(),
        List.of(), false, VERSION, Map.of("runc", new Info.Runtime("runc", null, null)), "runc",
        // live restore: containers run on under conmon while berthd is down, and are adopted again
        Map.of("LocalNodeState", "inactive", "NodeID", "", "NodeAddr", ""), true, "", "",
        // as dockerd when it cannot tell a component's commit
        new Info.Commit(NO_COMMIT), new Info.Commit(NO_COMMIT), new Info.Commit(NO_COMMIT),
        List.of("name=cgroupns"), List.of());
  }

  private static String cgroupVersion() {
    return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1";
  }

  private static String osName() {
    try {
      for (String l : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (l.startsWith("PRETTY_NAME=")) {
          return l.substring(12).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "Linux";
  }

  private static long memTotal() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return 0;
  }

  private static String hostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static java.util.function.Supplier<String> memoize(java.util.function.Supplier<String> s) {
    var once = new java.util.concurrent.atomic.AtomicReference<String>();
    return () -> {
      String v = once.get();
      if (v == null) {
        v = s.get();
        once.compareAndSet(null, v);
      }
      return v;
    };
  }
}
