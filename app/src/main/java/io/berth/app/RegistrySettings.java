package io.berth.app;

import java.util.List;

/** berthd's registry flags, with dockerd's defaults. */
public record RegistrySettings(List<String> mirrors, List<String> insecure, int maxConcurrentDownloads,
    int maxConcurrentUploads, int maxDownloadAttempts) {
  public static final RegistrySettings DEFAULTS = new RegistrySettings(List.of(), List.of(), 3, 5, 5);

  public RegistrySettings {
    mirrors = List.copyOf(mirrors);
    insecure = List.copyOf(insecure);
  }
}
