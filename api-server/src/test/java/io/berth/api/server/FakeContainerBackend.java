package io.berth.api.server;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.ContainerCreateResponse;
import io.berth.api.model.container.ContainerInspect;
import io.berth.api.model.container.ContainerSummary;
import io.berth.api.model.container.HostConfig;
import io.berth.api.model.container.WaitResponse;
import io.berth.api.server.backend.AttachOptions;
import io.berth.api.server.backend.ContainerBackend;
import io.berth.api.server.backend.ContainerListOptions;
import io.berth.api.server.backend.ContainerLogsOptions;
import io.berth.api.server.backend.ContainerStopOptions;
import io.berth.api.server.backend.WaitCondition;
import io.berth.common.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/** Records what the routes hand over; {@link #failure}, when set, is what every call throws. */
public final class FakeContainerBackend implements ContainerBackend {
  public RuntimeException failure;
  public final List<String> calls = new ArrayList<>();

  public String createdName;
  public ContainerConfig createdConfig;
  public HostConfig createdHost;
  public ContainerListOptions listOptions;
  public ContainerStopOptions stopOptions;
  public String killSignal;
  public WaitCondition waitCondition;
  public ContainerLogsOptions logsOptions;
  public AttachOptions attachOptions;

  public Waiter waiter = () -> new WaitResponse(0, null);
  public List<ContainerSummary> summaries = List.of();
  /** What inspect answers; null means "no such container". */
  public ContainerInspect inspected;
  public Streamer streamer;
  public Attacher attacher;

  private void call(String what) {
    calls.add(what);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public ContainerCreateResponse containerCreate(String name, ContainerConfig config, HostConfig host,
      java.util.Map<String, io.berth.api.model.network.EndpointSettings> endpoints) {
    call("create " + name);
    createdName = name;
    createdConfig = config;
    createdHost = host;
    return new ContainerCreateResponse("c0ffee", List.of());
  }

  @Override
  public void containerStart(String ref) {
    call("start " + ref);
  }

  @Override
  public void containerStop(String ref, ContainerStopOptions options) {
    call("stop " + ref);
    stopOptions = options;
  }

  @Override
  public void containerResize(String ref, int height, int width) {
    call("resize " + ref + " " + height + "x" + width);
  }

  @Override
  public void containerKill(String ref, String signal) {
    call("kill " + ref);
    killSignal = signal;
  }

  @Override
  public void containerRestart(String ref, ContainerStopOptions options) {
    call("restart " + ref);
    stopOptions = options;
  }

  @Override
  public io.berth.api.model.container.ContainerPruneResponse containerPrune(io.berth.common.filter.Filters filters) {
    return new io.berth.api.model.container.ContainerPruneResponse(null, 0);
  }

  @Override
  public void containerRemove(String ref, boolean force, boolean volumes) {
    call("remove " + ref + " force=" + force + " volumes=" + volumes);
  }

  @Override
  public Waiter containerWait(String ref, WaitCondition condition) {
    call("wait " + ref);
    waitCondition = condition;
    return waiter;
  }

  @Override
  public List<ContainerSummary> containerList(ContainerListOptions options) {
    call("list");
    listOptions = options;
    return summaries;
  }

  @Override
  public ContainerInspect containerInspect(String ref) {
    call("inspect " + ref);
    if (inspected == null) {
      throw new NotFoundException("No such container: " + ref);
    }
    return inspected;
  }

  @Override
  public Streamer containerLogs(String ref, ContainerLogsOptions options) {
    call("logs " + ref);
    logsOptions = options;
    return streamer;
  }

  @Override
  public Attacher containerAttach(String ref, AttachOptions options) {
    call("attach " + ref);
    attachOptions = options;
    return attacher;
  }

  @Override
  public java.util.List<io.berth.api.model.container.ContainerChange> containerChanges(String ref) {
    call("changes " + ref);
    return java.util.List.of(new io.berth.api.model.container.ContainerChange("/tmp", 0));
  }

  public CommitOptions lastCommit;

  @Override
  public String containerCommit(CommitOptions options) {
    lastCommit = options;
    return "sha256:" + "c".repeat(64);
  }

  @Override
  public Exporter containerExport(String ref) {
    call("export " + ref);
    return out -> out.write("tar".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void networkConnect(String network, String container, io.berth.api.model.network.EndpointSettings settings) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void networkDisconnect(String network, String container, boolean force) {
    throw new UnsupportedOperationException();
  }


  @Override
  public List<String> containerUpdate(String ref, io.berth.api.model.container.Resources changes,
      io.berth.api.model.container.HostConfig.RestartPolicy restart) {
    calls.add("update " + ref);
    return null;
  }

  @Override
  public void containerRename(String ref, String newName) {
    calls.add("rename " + ref + " " + newName);
  }

  @Override
  public io.berth.api.model.container.TopResponse containerTop(String ref, String psArgs) {
    calls.add("top " + ref + " " + psArgs);
    return new io.berth.api.model.container.TopResponse(List.of("PID"), List.of(List.of("1")));
  }

  @Override
  public void containerPause(String ref) {
    calls.add("pause " + ref);
  }

  @Override
  public void containerUnpause(String ref) {
    calls.add("unpause " + ref);
  }
}
