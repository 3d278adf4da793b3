package io.berth.daemon.lifecycle;

import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.network.Endpoints;
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
  private final Endpoints endpoints;

  public Reconciler(ContainerStore store, ImageAccess images, RuncRuntime runtime, Runner runner,
      Endpoints endpoints) {
    this.store = store;
    this.images = images;
    this.runtime = runtime;
    this.runner = runner;
    this.endpoints = endpoints;
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
    // a crash between two steps of a network setup or teardown: only running containers keep theirs
    for (String id : endpoints.holders()) {
      Container c = store.get(id);
      if (c == null || !c.state().running()) {
        quietly("release the network of " + id, () -> endpoints.detach(id));
      } else {
        endpoints.holdAgain(id);
        quietly("restore the forwarding of " + id, () -> endpoints.adopt(id));
      }
    }
    for (String anchor : endpoints.anchors()) {
      quietly("adopt " + anchor, () -> endpoints.adopt(anchor));
    }
  }

  /**
   * Maps what runc and conmon say now onto the record: an exit file wins; a container still
   * running under a live conmon is adopted; one whose conmon died is killed and recorded as
   * exited; one left in runc's {@code created} state (berthd died between create and start) is
   * deleted and recorded as never started.
   */
  private void reconcile(Container c) {
    String id = c.id();
    switch (c.state()) {
      case ContainerState.Running r -> {
        var code = runtime.exitCode(id);
        if (code.isPresent()) {
          runner.exited(id, code.getAsInt());
          return;
        }
        var state = runtime.state(id);
        if (state.isEmpty()) {
          runner.abandon(id, null, 255, "the container's runtime state was lost while berthd was stopped");
          return;
        }
        if (state.get().status().equals("created")) {
          runner.notStarted(id);
          return;
        }
        long pid = state.get().pid();
        long monitor = r.monitorPid() > 0 ? r.monitorPid() : RuncRuntime.parentOf(pid);
        boolean supervised = RuncRuntime.isMonitor(monitor)
            && (pid <= 0 || ProcessHandle.of(pid).isEmpty() || RuncRuntime.parentOf(pid) == monitor);
        if (!supervised) {
          runner.abandon(id, null, 137, "container monitor (conmon) died while berthd was stopped");
          return;
        }
        runner.adopt(id, monitor, state.get().status().equals("paused"));
      }
      // its runtime is left alone: only its removal may touch what it has
      case ContainerState.Dead _ -> {}
      case ContainerState.Created _, ContainerState.Exited _, ContainerState.Removing _, ContainerState.Restarting _ -> {
        if (runtime.state(id).isPresent()) {
          // a crash between runc create and the record: the process is nobody's
          runner.cleanupRuntime(c);
        }
      }
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
