package io.berth.runtime.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the daemon knows about a container that the OCI spec needs. {@code netns} is empty for a
 * new network namespace of its own, "host" for the host's, else the path of a namespace to join.
 * {@code domainname} (empty for none) is set through the {@code kernel.domainname} sysctl, as the
 * OCI spec has no field for it; {@code sysctls} are the daemon's own choices. {@code mounts} are
 * the container's own (volumes, binds, tmpfs): one of a default's destination replaces it, and
 * with the /etc files they are mounted parents first; {@code rootfsPropagation} is null unless a
 * mount propagates. {@code limits} are the cgroup's; {@code ulimits} the user's rlimits, which
 * replace the daemon's default of the same type; {@code seccompProfile} is a profile in Docker's
 * format, null for none; {@code hostNamespaces} are those of "pid", "ipc" and "uts" the
 * container shares with the host ({@code --pid host} and the like); {@code devices} are the host's
 * nodes it gets (each allowed as the DeviceRule of the same numbers says), {@code deviceRules} the
 * device cgroup's further rules; {@code joinedNamespaces} those of other containers it joins, by
 * kind, as paths.
 */
public record ContainerSpec(
    String id,
    String hostname,
    String domainname,
    Path rootfs,
    List<String> args,
    List<String> env,
    String cwd,
    Spec.User user,
    boolean tty,
    Spec.Box consoleSize,
    boolean privileged,
    boolean readonlyRootfs,
    String netns,
    List<String> capAdd,
    List<String> capDrop,
    long shmSize,
    Map<String, Path> etcFiles,
    List<Spec.Mount> mounts,
    String rootfsPropagation,
    Map<String, String> sysctls,
    Map<String, String> annotations,
    Limits limits,
    List<Spec.Rlimit> ulimits,
    boolean noNewPrivileges,
    com.fasterxml.jackson.databind.JsonNode seccompProfile,
    java.util.Set<String> hostNamespaces,
    List<Spec.Device> devices,
    List<Spec.DeviceRule> deviceRules,
    Map<String, String> joinedNamespaces) {
  public ContainerSpec {
    args = List.copyOf(args);
    env = List.copyOf(env);
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    etcFiles = Map.copyOf(etcFiles);
    mounts = List.copyOf(mounts);
    sysctls = Map.copyOf(sysctls);
    annotations = Map.copyOf(annotations);
    ulimits = List.copyOf(ulimits);
    hostNamespaces = java.util.Set.copyOf(hostNamespaces);
    devices = List.copyOf(devices);
    deviceRules = List.copyOf(deviceRules);
    joinedNamespaces = Map.copyOf(joinedNamespaces);
  }
}
