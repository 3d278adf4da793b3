package io.berth.daemon.lifecycle;

import io.berth.api.model.container.Resources;
import io.berth.common.error.ConflictException;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.events.EventBus;
import io.berth.runtime.RuncRuntime;
import java.util.List;

/**
 * {@code docker update}: dockerd's merge of the asked limits into the container's (a zero or
 * null field keeps what was set), its conflicts, and, while the container runs, {@code runc
 * update} with what changed; a stopped container gets them at its next start.
 */
final class Updater {
  private final Runner runner;
  private final ContainerStore store;
  private final RuncRuntime runtime;
  private final EventBus events;

  Updater(Runner runner, ContainerStore store, RuncRuntime runtime, EventBus events) {
    this.runner = runner;
    this.store = store;
    this.runtime = runtime;
    this.events = events;
  }

  List<String> update(String ref, Resources asked, io.berth.api.model.container.HostConfig.RestartPolicy restart) {
    ResourceChecks.Checked checked = ResourceChecks.check(asked, ResourceChecks.host(), true);
    Resources r = checked.resources();
    runner.locked(ref, c -> {
      Resources merged = merge(c, r);
      boolean newPolicy = restart != null && restart.name() != null && !restart.name().isEmpty();
      if (newPolicy && !restart.name().equals("no") && c.hostConfig().autoRemove()) {
        throw conflict(c, "Restart policy cannot be updated because AutoRemove is enabled for the container");
      }
      Container updated = store.update(c.id(), x -> x.withHostConfig(newPolicy
          ? x.hostConfig().withResources(merged).withRestartPolicy(restart) : x.hostConfig().withResources(merged)));
      if (c.state().running()) {
        try {
          runtime.update(c.id(), SpecFactory.limits(r, 0));
        } catch (RuntimeException e) {
          store.update(c.id(), x -> x.withHostConfig(x.hostConfig().withResources(c.hostConfig().limits())));
          throw new io.berth.common.error.SystemException("Cannot update container " + c.id() + ": "
              + e.getMessage());
        }
      }
      events.container(updated, "update", java.util.Map.of());
    });
    return checked.warnings().isEmpty() ? null : checked.warnings();
  }

  /** dockerd's UpdateContainer: what is asked replaces what is set, field by field. */
  private static Resources merge(Container c, Resources r) {
    Resources cur = c.hostConfig().limits();
    if (r.nanoCpus() > 0 && cur.cpuPeriod() > 0) {
      throw conflict(c, "Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set");
    }
    if (r.nanoCpus() > 0 && cur.cpuQuota() > 0) {
      throw conflict(c, "Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set");
    }
    if (r.cpuPeriod() > 0 && cur.nanoCpus() > 0) {
      throw conflict(c, "Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set");
    }
    if (r.cpuQuota() > 0 && cur.nanoCpus() > 0) {
      throw conflict(c, "Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
    }
    if (r.memory() != 0 && r.memory() > cur.memorySwap() && r.memorySwap() == 0) {
      throw conflict(c, "Memory limit should be smaller than already set memoryswap limit, update the memoryswap"
          + " at the same time");
    }
    return cur.withLimits(
        r.cpuShares() != 0 ? r.cpuShares() : cur.cpuShares(),
        r.memory() != 0 ? r.memory() : cur.memory(),
        r.nanoCpus() != 0 ? r.nanoCpus() : cur.nanoCpus(),
        r.cpuPeriod() != 0 ? r.cpuPeriod() : cur.cpuPeriod(),
        r.cpuQuota() != 0 ? r.cpuQuota() : cur.cpuQuota(),
        r.cpusetCpus() != null && !r.cpusetCpus().isEmpty() ? r.cpusetCpus() : cur.cpusetCpus(),
        r.cpusetMems() != null && !r.cpusetMems().isEmpty() ? r.cpusetMems() : cur.cpusetMems(),
        r.memoryReservation() != 0 ? r.memoryReservation() : cur.memoryReservation(),
        r.memorySwap() != 0 ? r.memorySwap() : cur.memorySwap(),
        cur.memorySwappiness(), cur.oomKillDisable(),
        r.pidsLimit() != null ? r.pidsLimit() : cur.pidsLimit());
  }

  private static ConflictException conflict(Container c, String why) {
    return new ConflictException("Cannot update container " + c.id() + ": " + why);
  }
}
