package io.berth.daemon.lifecycle;

import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.runtime.RuncRuntime;

/**
 * After a daemon restart: believe the exit files and runc, not the last record. Runtime state
 * and layers that no record knows (a crash between steps) are cleaned up. One bad container never
 * keeps the daemon from starting.
 */
public final class Reconciler {
  private static final System.Logger LOG = System.getLogger("berth.lifecycle");
  private final ContainerStore store;
  private final ImageAccess images;
  private final RuncRuntime runtime;
  private final Runner runner;

  public Reconciler(ContainerStore store, ImageAccess images, RuncRuntime runtime, Runner runner) {
    this.store = store;
    this.images = images;
    this.runtime = runtime;
    this.runner = runner;
  }

  public void reconcile() {
    for (String id : runtime.list()) {
      if (store.get(id) == null) {
        quietly("delete orphaned runtime container " + id, () -> runtime.delete(id));
      }
    }
    for (String id : images.layerOwners()) {
      if (store.get(id) == null) {
        quietly("remove orphaned container layer " + id, () -> {
          Mounts.unmount(images.rootfs(id).merged());
          images.remove(id);
        });
      }
    }
    for (Container c : store.all()) {
      quietly("reconcile " + c.id(), () -> reconcile(c));
    }
  }

  private void reconcile(Container c) {
    var code = runtime.exitCode(c.id());
    var state = runtime.state(c.id());
    if (c.state() instanceof ContainerState.Running) {
      if (code.isPresent()) {
        runner.exited(c.id(), code.getAsInt());
      } else if (state.isEmpty()) {
        runner.exited(c.id(), 255);
      } else {
        runner.run(c.id()).ready.complete(null);
      }
    } else if (state.isPresent()) {
      // a crash between runc create and the record: the process is nobody's
      runner.cleanupRuntime(c);
    }
  }

  private static void quietly(String what, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, what + ": " + e.getMessage());
    }
  }
}
