package io.berth.api.server;

import io.berth.api.model.system.DiskUsage;
import io.berth.api.model.system.Info;
import io.berth.api.model.system.Version;
import io.berth.api.server.backend.SystemBackend;
import java.util.List;
import java.util.Map;

public final class FakeSystemBackend implements SystemBackend {
  public Version version = new Version(Map.of("Name", "Berth"), List.of(), "0.1.0-test", "1.51",
      "1.12", "deadbeef", "", "linux", "amd64", "6.1.0", "");
  public Info info = info("6.1.0", "Debian GNU/Linux 13 (trixie)",
      List.of("name=seccomp,profile=builtin", "name=cgroupns"), Map.of("k", "v"));

  /** An info with the fields the version tests vary; the rest fixed. */
  public static Info info(String kernel, String os, List<String> securityOptions,
      Map<String, String> runtimeStatus) {
    return new Info("ID", 2, 1, 0, 1, 3, "overlay2", List.of(), Map.of(), true, false, true, true,
        true, true, true, true, false, 0, 0, "2026-01-01T00:00:00Z", "k8s-file", "cgroupfs", "2", 0,
        kernel, os, "", "linux", "x86_64", "https://index.docker.io/v1/",
        new Info.RegistryConfig(List.of("127.0.0.0/8"), Map.of(), List.of()), 2, 1L << 30,
        "/var/lib/berth", "host", List.of(), false, "0.1.0-test",
        Map.of("runc", new Info.Runtime("runc", null, runtimeStatus)), "runc", Map.of(), false, "",
        "", new Info.Commit("N/A"), new Info.Commit("v1.2.5"), new Info.Commit("N/A"),
        securityOptions, List.of());
  }

  @Override
  public Version version() {
    return version;
  }

  @Override
  public Info info() {
    return info;
  }

  public DiskUsage.Kinds kindsAsked;
  public DiskUsage diskUsage;

  @Override
  public DiskUsage diskUsage(DiskUsage.Kinds kinds) {
    kindsAsked = kinds;
    return diskUsage;
  }
}
