package io.berth.daemon.lifecycle;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.ContainerCreateResponse;
import io.berth.api.model.container.ContainerInspect;
import io.berth.api.model.container.ContainerSummary;
import io.berth.api.model.container.HostConfig;
import io.berth.api.server.backend.AttachOptions;
import io.berth.api.server.backend.ContainerBackend;
import io.berth.api.server.backend.ContainerListOptions;
import io.berth.api.server.backend.ContainerLogsOptions;
import io.berth.api.server.backend.ContainerStopOptions;
import io.berth.api.server.backend.WaitCondition;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.query.ContainerQueries;
import io.berth.daemon.stream.AttachService;
import io.berth.daemon.stream.LogsService;
import java.util.List;

/** The {@link ContainerBackend}: delegates to the services that do the work. */
public final class ContainerService implements ContainerBackend {
  private final Creator creator;
  private final Runner runner;
  private final ContainerQueries queries;
  private final LogsService logs;
  private final AttachService attach;
  private final ContainerStore store;
  private final ImageAccess images;

  public ContainerService(ContainerStore store, ImageAccess images, Runner runner,
      ContainerQueries queries, LogsService logs, AttachService attach) {
    this.store = store;
    this.images = images;
    this.creator = new Creator(store, images, runner.hostGateway(), runner.networks(), runner.mounts(),
        runner.events());
    this.runner = runner;
    this.queries = queries;
    this.logs = logs;
    this.attach = attach;
  }

  @Override
  public ContainerCreateResponse containerCreate(String name, ContainerConfig config, HostConfig host,
      java.util.Map<String, io.berth.api.model.network.EndpointSettings> endpoints) {
    return creator.create(name, config, host, endpoints);
  }


  @Override
  public io.berth.api.model.container.TopResponse containerTop(String ref, String psArgs) {
    var c = store.find(ref);
    return io.berth.daemon.query.Top.top(c, psArgs, runner.pids(c.id()));
  }

  @Override
  public void containerPause(String ref) {
    runner.pause(ref);
  }

  @Override
  public void containerUnpause(String ref) {
    runner.unpause(ref);
  }

  @Override
  public java.util.List<String> containerUpdate(String ref, io.berth.api.model.container.Resources changes,
      io.berth.api.model.container.HostConfig.RestartPolicy restart) {
    return new Updater(runner, store, runner.runtime(), runner.events()).update(ref, changes, restart);
  }

  @Override
  public void containerRename(String ref, String newName) {
    new Renamer(runner, store, runner.events()).rename(ref, newName);
  }

  @Override
  public void containerStart(String ref) {
    runner.start(ref);
  }

  @Override
  public void containerStop(String ref, ContainerStopOptions options) {
    runner.stop(ref, options);
  }

  @Override
  public void containerKill(String ref, String signal) {
    runner.kill(ref, signal);
  }

  @Override
  public void containerRestart(String ref, ContainerStopOptions options) {
    runner.restart(ref, options);
  }

  @Override
  public void containerRemove(String ref, boolean force, boolean volumes) {
    runner.remove(ref, force, volumes);
  }

  private static final java.util.Set<String> PRUNE_FILTERS = java.util.Set.of("until", "label", "label!");

  /** Removes every container that is not running (nor paused nor restarting) and that the filters keep. */
  @Override
  public io.berth.api.model.container.ContainerPruneResponse containerPrune(io.berth.common.filter.Filters f) {
    f.validate(PRUNE_FILTERS);
    java.time.Instant until = f.get("until").stream().map(io.berth.common.filter.Filters::timestamp)
        .min(java.util.Comparator.naturalOrder()).orElse(null);
    List<String> deleted = new java.util.ArrayList<>();
    long reclaimed = 0;
    for (var c : store.all()) {
      java.util.Map<String, String> labels = c.config().labels() == null ? java.util.Map.of() : c.config().labels();
      if (c.state().running() || (until != null && !c.created().isBefore(until))
          || !f.get("label").stream().allMatch(l -> io.berth.common.filter.Filters.labelMatches(labels, l))
          || f.get("label!").stream().anyMatch(l -> io.berth.common.filter.Filters.labelMatches(labels, l))) {
        continue;
      }
      long size = queries.rwSize(c.id());
      try {
        runner.remove(c.id(), false);
      } catch (io.berth.common.error.NotFoundException | io.berth.common.error.ConflictException e) {
        continue; // gone meanwhile, or started: not this prune's to remove
      }
      deleted.add(c.id());
      reclaimed += size;
    }
    return new io.berth.api.model.container.ContainerPruneResponse(deleted.isEmpty() ? null : deleted, reclaimed);
  }

  @Override
  public Waiter containerWait(String ref, WaitCondition condition) {
    var f = runner.waitFor(ref, condition);
    return () -> {
      try {
        // get, not join: an interrupt (the client left) ends the wait and unhooks it from f
        return Runner.response(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new io.berth.common.error.CancelledException("the client went away");
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    };
  }

  @Override
  public String containerCommit(CommitOptions o) {
    var found = store.find(o.container());
    if (found.state() instanceof io.berth.daemon.container.ContainerState.Dead) {
      throw new io.berth.common.error.ConflictException("You cannot commit container " + found.id()
          + " which is being removed or is dead");
    }
    var spec = new ImageAccess.CommitSpec(o.config(), o.changes(), o.repo(), o.tag(), o.comment(), o.author());
    return runner.whileHeld(found.id(), o.pause(), () -> images.commit(store.get(found.id()), spec));
  }

  @Override
  public Exporter containerExport(String ref) {
    String id = store.find(ref).id();
    return out -> runner.export(id, out);
  }

  @Override
  public List<io.berth.api.model.container.ContainerChange> containerChanges(String ref) {
    var c = store.find(ref);
    var changes = images.changes(c.id()).stream()
        .map(x -> new io.berth.api.model.container.ContainerChange(x.path(), x.kind())).toList();
    // dockerd answers null, not [], for a container that changed nothing
    return changes.isEmpty() ? null : changes;
  }

  @Override
  public void containerResize(String ref, int height, int width) {
    runner.resize(ref, height, width);
  }

  @Override
  public List<ContainerSummary> containerList(ContainerListOptions options) {
    return queries.list(options);
  }

  @Override
  public ContainerInspect containerInspect(String ref) {
    return queries.inspect(ref);
  }

  @Override
  public Streamer containerLogs(String ref, ContainerLogsOptions options) {
    return logs.logs(ref, options);
  }

  @Override
  public Attacher containerAttach(String ref, AttachOptions options) {
    return attach.attach(ref, options);
  }

  @Override
  public void networkConnect(String network, String container, io.berth.api.model.network.EndpointSettings settings) {
    runner.connect(network, container, settings);
  }

  @Override
  public void networkDisconnect(String network, String container, boolean force) {
    runner.disconnect(network, container, force);
  }
}
