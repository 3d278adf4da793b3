package io.berth.runtime;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.BiConsumer;

/**
 * Tells when conmon writes an exit file. conmon is not our child (it double-forks), so its exit
 * can't be waited for; the file appears by rename, which inotify reports at once.
 */
public final class ExitWatcher implements AutoCloseable {
  private final WatchService watch;
  private final Thread thread;

  public ExitWatcher(RuncRuntime runtime, BiConsumer<String, Integer> onExit) throws IOException {
    Path dir = runtime.paths().exits();
    this.watch = FileSystems.getDefault().newWatchService();
    dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    this.thread =
        Thread.ofPlatform().daemon().name("exit-watcher").start(() -> loop(runtime, onExit));
  }

  private void loop(RuncRuntime runtime, BiConsumer<String, Integer> onExit) {
    try {
      while (true) {
        WatchKey key = watch.take();
        for (WatchEvent<?> e : key.pollEvents()) {
          if (e.context() instanceof Path p && !p.toString().startsWith(".")) {
            String id = p.toString();
            runtime.exitCode(id).ifPresent(code -> onExit.accept(id, code));
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    watch.close();
    thread.interrupt();
  }
}
