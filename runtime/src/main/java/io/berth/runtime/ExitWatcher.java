package io.berth.runtime;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells when conmon writes an exit file. conmon is not our child (it double-forks), so its exit
 * can't be waited for; the file appears by rename, which inotify reports at once. Each exit is
 * handled on its own virtual thread, so one slow or failing cleanup never holds up the others;
 * when the kernel's event queue overflows, the directory is scanned instead.
 */
public final class ExitWatcher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("berth.runtime");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
  private final WatchService watch;
  private final Thread thread;
  private final RuncRuntime runtime;
  private final BiConsumer<String, Integer> onExit;

  public ExitWatcher(RuncRuntime runtime, BiConsumer<String, Integer> onExit) throws IOException {
    this.runtime = runtime;
    this.onExit = onExit;
    this.watch = FileSystems.getDefault().newWatchService();
    runtime.paths().exits().register(watch, StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY);
    this.thread = Thread.ofPlatform().daemon().name("exit-watcher").start(this::loop);
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = watch.take();
        for (WatchEvent<?> e : key.pollEvents()) {
          if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
            scan();
          } else if (e.context() instanceof Path p) {
            report(p.toString());
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  /** Reports every exit file present: events were lost when the kernel's queue overflowed. */
  private void scan() {
    try (Stream<Path> files = Files.list(runtime.paths().exits())) {
      files.forEach(p -> report(p.getFileName().toString()));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "scanning exit files: " + e.getMessage());
    }
  }

  private void report(String name) {
    if (!ID.matcher(name).matches()) {
      return; // conmon's temporary files
    }
    runtime.exitCode(name).ifPresent(code -> Thread.ofVirtual().name("exit-" + name).start(() -> {
      try {
        onExit.accept(name, code);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "handling the exit of " + name + ": " + e, e);
      }
    }));
  }

  @Override
  public void close() throws IOException {
    watch.close();
    thread.interrupt();
  }
}
