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

  /**
   * What {@code /info} says of these settings, as dockerd builds it: loopback is insecure beside
   * the CIDRs given, a host name given is an insecure index of its own, and Docker Hub's index
   * carries the mirrors (each ending in a slash).
   */
  public io.berth.api.model.system.Info.RegistryConfig infoConfig() {
    List<String> withSlash = mirrors.stream().map(m -> m.endsWith("/") ? m : m + "/").distinct().toList();
    java.util.Map<String, Object> indexes = new java.util.TreeMap<>();
    java.util.List<String> cidrs = new java.util.ArrayList<>();
    for (String r : insecure) {
      String name = r.replaceFirst("(?i)^https?://", "");
      if (name.contains("/")) {
        if (!cidrs.contains(name)) {
          cidrs.add(name);
        }
      } else {
        indexes.put(name, index(name, List.of(), false));
      }
    }
    for (String loopback : List.of("::1/128", "127.0.0.0/8")) {
      if (!cidrs.contains(loopback)) {
        cidrs.add(loopback);
      }
    }
    indexes.put("docker.io", index("docker.io", withSlash, true));
    return new io.berth.api.model.system.Info.RegistryConfig(cidrs, indexes, withSlash);
  }

  private static java.util.Map<String, Object> index(String name, List<String> mirrors, boolean official) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("Name", name);
    m.put("Mirrors", mirrors);
    m.put("Secure", official);
    m.put("Official", official);
    return m;
  }
}
