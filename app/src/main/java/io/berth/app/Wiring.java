package io.berth.app;

import io.berth.api.server.ApiServer;
import io.berth.api.server.router.ContainerRouter;
import io.berth.api.server.router.ImageRouter;
import io.berth.api.server.router.NetworkRouter;
import io.berth.api.server.router.VolumeRouter;
import io.berth.api.server.router.RegistryRouter;
import io.berth.api.server.router.SystemRouter;
import io.berth.api.server.backend.ContainerListOptions;
import io.berth.common.filter.Filters;
import io.berth.common.Id;
import io.berth.common.io.AtomicFiles;
import io.berth.daemon.adapter.ContainerImages;
import io.berth.daemon.adapter.ImageAdapter;
import io.berth.daemon.adapter.RegistryAdapter;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.lifecycle.ContainerService;
import io.berth.daemon.network.NetworkService;
import io.berth.daemon.volume.VolumeService;
import io.berth.volume.LocalVolumeStore;
import io.berth.daemon.volume.ContainerMounts;
import io.berth.daemon.volume.MountRequests;
import io.berth.daemon.lifecycle.Reconciler;
import io.berth.daemon.lifecycle.Runner;
import io.berth.daemon.lifecycle.SpecFactory;
import io.berth.daemon.query.ContainerQueries;
import io.berth.daemon.stream.AttachService;
import io.berth.daemon.stream.LogsService;
import io.berth.daemon.system.SystemService;
import io.berth.http.HttpServer;
import io.berth.image.ImageService;
import io.berth.network.Ipam;
import io.berth.network.Netavark;
import io.berth.network.Netns;
import io.berth.network.Subnet;
import io.berth.registry.RegistryClient;
import io.berth.registry.RegistryHosts;
import java.time.Duration;
import io.berth.runtime.ExitWatcher;
import io.berth.runtime.RuncRuntime;
import io.berth.runtime.spec.SpecGenerator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The composition root: builds every service by hand, in dependency order, and owns the shutdown
 * order (stop accepting, stop watching; containers keep running under conmon).
 */
public final class Wiring implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("berth.daemon");
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Path pidFile;

  private Wiring(Path pidFile) {
    this.pidFile = pidFile;
  }

  public static Wiring start(DaemonConfig config) throws IOException {
    checkPrerequisites(config);
    Files.createDirectories(config.dataRoot());
    Files.createDirectories(config.execRoot());
    restrictDataRoot(config.dataRoot());
    claimPidFile(config.pidFile());
    Wiring w = new Wiring(config.pidFile());
    try {
      w.wire(config);
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
    return w;
  }

  private void wire(DaemonConfig config) throws IOException {
    long t0 = System.nanoTime();
    // Reading the stores is mostly Jackson's first use; the runtime's native bindings are built
    // meanwhile on this thread: on 2 cores the first answer comes ~100 ms sooner.
    var loading = new java.util.concurrent.FutureTask<>(() -> new Stores(
        new ImageService(config.dataRoot().resolve("image"), new io.berth.image.bootstrap.Bootstrap(),
            new io.berth.image.layer.LayerLimits(config.maxLayerSize())),
        new ContainerStore(config.dataRoot().resolve("containers"))));
    Thread.ofPlatform().name("load-stores").start(loading);
    var runtime = new RuncRuntime(config.runc(), config.conmon(), config.execRoot());
    closeables.add(runtime);
    var specs = new SpecFactory(new SpecGenerator(HostLimits.boundingCaps(), HostLimits.nofileHard()));
    long t1 = System.nanoTime();
    Stores loaded = join(loading);
    var imageService = loaded.images();
    var store = loaded.containers();
    long t2 = System.nanoTime();
    RegistrySettings rs = config.registry();
    var registry = new RegistryClient(new RegistryHosts(rs.mirrors(), rs.insecure()),
        new RegistryClient.Options(rs.maxDownloadAttempts(), Duration.ofSeconds(5), Duration.ofSeconds(60)));
    var images = new ImageAdapter(imageService, store, imageService.puller(registry, rs.maxConcurrentDownloads()),
        imageService.pusher(registry, rs.maxConcurrentUploads()));
    var containerImages = new ContainerImages(imageService);
    var networks = networks(config, store);
    var events = new io.berth.daemon.events.EventBus();
    networks.publishTo(events);
    images.publishTo(events);
    var volumes = new VolumeService(new LocalVolumeStore(config.dataRoot().resolve("volumes")));
    volumes.publishTo(events);
    var mounts = new ContainerMounts(volumes, new MountRequests(config.dataRoot()));
    mounts.restore(store.all());
    var runner = new Runner(store, containerImages, runtime, specs, networks, mounts, events);
    closeables.add(new ExitWatcher(runtime, runner::exited));
    long t3 = System.nanoTime();
    new Reconciler(store, containerImages, runtime, runner, networks.endpoints()).reconcile();
    runner.restartOnBoot();
    closeables.add(networks.endpoints()::close);
    long t4 = System.nanoTime();
    var queries = new ContainerQueries(store, containerImages::imageIdOrNull, containerImages::rwDirOf,
        containerImages::rwSizeOf, containerImages::imageSizeOf, networks);
    var logWatch = new io.berth.runtime.log.LogWatch();
    closeables.add(logWatch);
    var containers = new ContainerService(store, containerImages, runner, queries,
        new LogsService(store, runner, logWatch), new AttachService(store, runner, runtime, logWatch, events));
    var system = new SystemService(store, images::count, config.dataRoot(), () -> runcVersion(config.runc()),
        daemonId(config.dataRoot()), new SystemService.DiskUsageSources(images::imageDiskUsage,
            imageService::layersSize, () -> queries.list(new ContainerListOptions(true, -1, true,
                Filters.EMPTY)), volumes::usage), rs.infoConfig());
    var exec = new io.berth.daemon.exec.ExecService(store, runtime, events,
        List.copyOf(new java.util.TreeSet<>(HostLimits.boundingCaps())));
    runner.health().proberIs(exec::probe);
    var api = new ApiServer(SystemService.BERTH_VERSION, List.of(new SystemRouter(system),
        new ContainerRouter(containers), new ImageRouter(images),
        new NetworkRouter(networks, containers), new VolumeRouter(volumes),
        new io.berth.api.server.router.EventsRouter(events),
        new io.berth.api.server.router.StatsRouter(new io.berth.daemon.stats.StatsService(store,
            io.berth.runtime.cgroup.CgroupStats.forHost(java.nio.file.Path.of("/sys/fs/cgroup")))),
        new io.berth.api.server.router.ArchiveRouter(new io.berth.daemon.lifecycle.ContainerArchive(runner)),
        new io.berth.api.server.router.ExecRouter(exec),
        new RegistryRouter(new RegistryAdapter(registry))));
    for (String host : config.hosts()) {
      closeables.add(0, bind(host, api));
    }
    // the bridge comes up once berthd answers; a container start waits for it if need be
    Thread.ofVirtual().name("bridge").start(networks.endpoints()::anchor);
    LOG.log(System.Logger.Level.DEBUG, "start: runtime {0} ms, then stores {1} ms more, wiring {2} ms, "
        + "reconcile {3} ms, api {4} ms", ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4),
        ms(t4, System.nanoTime()));
    LOG.log(System.Logger.Level.INFO, "berthd " + SystemService.BERTH_VERSION + " serving "
        + String.join(", ", config.hosts()) + " (data root " + config.dataRoot() + ")");
  }

  private record Stores(ImageService images, ContainerStore containers) {}

  /**
   * The predefined networks, with the default bridge's plumbing: its state (namespaces, leases,
   * endpoint records, aardvark-dns's files) under the exec root, which a reboot empties as it
   * ends every container.
   */
  private static NetworkService networks(DaemonConfig config, ContainerStore store) {
    Path run = config.execRoot().resolve("network");
    Subnet subnet = null;
    if (config.bridge() != null) {
      subnet = Subnet.parse(config.bip());
      String gateway = config.bip().substring(0, config.bip().indexOf('/'));
      if (Subnet.address(gateway) != subnet.network()) {
        subnet = subnet.withGateway(gateway);
      }
      if (!Files.isExecutable(Netavark.BINARY)) {
        LOG.log(System.Logger.Level.WARNING, Netavark.BINARY + " is missing: containers on the bridge"
            + " will not start (install.sh installs it)");
      }
    }
    return new NetworkService(store, config.dataRoot().resolve("network"), config.bridge(), subnet,
        new NetworkService.Plumbing(new Netavark(Netavark.BINARY, Netavark.AARDVARK, run.resolve("netavark")),
            new Netns(config.execRoot().resolve("netns")), new Ipam(run.resolve("ipam")), run.resolve("endpoints")));
  }

  private static Stores join(java.util.concurrent.FutureTask<Stores> loading) throws IOException {
    try {
      return loading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while loading the stores", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Container root filesystems (and the device nodes or setuid files an image may carry) live
   * under the data root: no host user but root may walk into them, as dockerd has it since
   * CVE-2021-41091.
   */
  private static void restrictDataRoot(Path dataRoot) throws IOException {
    Files.setPosixFilePermissions(dataRoot, PosixFilePermissions.fromString("rwx--x---"));
    for (String dir : List.of("image", "containers")) {
      Path p = Files.createDirectories(dataRoot.resolve(dir));
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static HttpServer bind(String host, ApiServer api) throws IOException {
    URI uri = URI.create(host);
    return switch (uri.getScheme()) {
      case "unix" -> {
        Path socket = Path.of(uri.getPath());
        Files.createDirectories(socket.getParent());
        yield HttpServer.bindUnix(socket, PosixFilePermissions.fromString("rw-rw----"), api);
      }
      case "tcp" -> HttpServer.bindTcp(new InetSocketAddress(uri.getHost(), uri.getPort()), api);
      default -> throw new IllegalArgumentException("unsupported host: " + host);
    };
  }

  private static void checkPrerequisites(DaemonConfig config) {
    for (Path p : List.of(config.runc(), config.conmon())) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(p + " is missing: install it (install.sh does)");
      }
    }
  }

  /** Two daemons on one root would corrupt each other: the second one stops here. */
  private static void claimPidFile(Path pidFile) throws IOException {
    if (Files.exists(pidFile)) {
      String old = Files.readString(pidFile).strip();
      if (!old.isEmpty() && ProcessHandle.of(Long.parseLong(old)).map(ProcessHandle::isAlive).orElse(false)
          && Long.parseLong(old) != ProcessHandle.current().pid()) {
        throw new IllegalStateException("pid file found, ensure berthd is not running or delete "
            + pidFile + " (pid " + old + ")");
      }
    }
    AtomicFiles.write(pidFile, String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII));
  }

  private static String runcVersion(Path runc) {
    try {
      Process p = new ProcessBuilder(runc.toString(), "--version").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      String first = out.lines().findFirst().orElse("");
      return first.replace("runc version ", "").strip();
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  private static String daemonId(Path dataRoot) throws IOException {
    Path f = dataRoot.resolve("engine-id");
    if (Files.exists(f)) {
      return Files.readString(f).strip();
    }
    String id = Id.random().substring(0, 32);
    AtomicFiles.write(f, id.getBytes(StandardCharsets.US_ASCII));
    return id;
  }

  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "closing " + c + ": " + e);
      }
    }
    closeables.clear();
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      // nothing left to do
    }
    stopped.countDown();
  }
}
