package io.berth.app;

import java.nio.file.Path;
import java.util.List;

/** berthd's settings, in dockerd's spelling where dockerd has one. */
public record DaemonConfig(
    List<String> hosts, Path dataRoot, Path execRoot, Path pidFile, String logLevel, Path runc,
    Path conmon, RegistrySettings registry, long maxLayerSize, String bridge, String bip) {
  public static final String DEFAULT_HOST = "unix:///run/berth/berth.sock";
}
