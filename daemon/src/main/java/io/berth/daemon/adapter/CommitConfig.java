package io.berth.daemon.adapter;

import io.berth.api.model.container.ContainerConfig;
import io.berth.image.config.HealthConfig;
import io.berth.image.config.ImageConfig;
import java.util.List;
import java.util.Map;

/** The run configuration a commit gives its image. */
final class CommitConfig {
  private CommitConfig() {}

  /**
   * The container's configuration with the client's fields over it, as moby merges them; the
   * health check is the image's, which the container's record does not carry.
   */
  static ImageConfig merge(ContainerConfig user, ContainerConfig cc, HealthConfig healthcheck) {
    return new ImageConfig(
        pick(user == null ? null : user.user(), cc.user()),
        pickMap(user == null ? null : user.exposedPorts(), cc.exposedPorts()),
        pickList(user == null ? null : user.env(), cc.env()),
        pickList(user == null ? null : user.cmd(), cc.cmd()),
        healthcheck,
        pickList(user == null ? null : user.entrypoint(), cc.entrypoint()),
        pickMap(user == null ? null : user.volumes(), cc.volumes()),
        pick(user == null ? null : user.workingDir(), cc.workingDir()),
        pickMap(user == null ? null : user.labels(), cc.labels()),
        pick(user == null ? null : user.stopSignal(), cc.stopSignal()),
        pickList(user == null ? null : user.onBuild(), cc.onBuild()));
  }

  /** moby's merge: a field the client set wins, an empty one takes the container's. */
  private static String pick(String user, String container) {
    return user == null || user.isEmpty() ? emptyToNull(container) : user;
  }

  private static <T> List<T> pickList(List<T> user, List<T> container) {
    return user == null || user.isEmpty() ? (container == null || container.isEmpty() ? null : container) : user;
  }

  private static <V> Map<String, V> pickMap(Map<String, V> user, Map<String, V> container) {
    return user == null || user.isEmpty() ? (container == null || container.isEmpty() ? null : container) : user;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

}
