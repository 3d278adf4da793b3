package io.berth.daemon.lifecycle;

import io.berth.api.model.container.HostConfig;
import io.berth.common.Id;
import io.berth.daemon.container.Container;
import io.berth.daemon.network.Endpoints;
import io.berth.runtime.spec.ContainerSpec;
import io.berth.runtime.spec.Spec;
import io.berth.runtime.spec.SpecGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a container into its OCI spec, writing the /etc files it bind-mounts. */
public final class SpecFactory {
  private final SpecGenerator generator;

  public SpecFactory(SpecGenerator generator) {
    this.generator = generator;
  }

  /** @param endpoint the container's place on the bridge, or null in the other modes */
  Spec spec(Container c, Path rootfs, Endpoints.Endpoint endpoint) {
    var cfg = c.config();
    HostConfig h = c.hostConfig();
    boolean hostNet = c.networkMode().equals("host");
    String hostname = cfg.hostname() == null || cfg.hostname().isEmpty() ? Id.shortId(c.id()) : cfg.hostname();
    if (!Files.exists(c.dir().resolve("resolv.conf"))) {
      writeEtc(c.dir(), hostname, hostNet);
    }
    if (endpoint != null) {
      // the address may differ from the last run's: the file is made anew at each start, as dockerd does
      writeHosts(c.dir(), hostname, endpoint.address());
    }
    List<String> env = new ArrayList<>();
    env.add("HOSTNAME=" + hostname);
    for (String e : cfg.env()) {
      if (!e.startsWith("HOSTNAME=") && e.contains("=")) {
        env.add(e);
      }
    }
    if (cfg.tty() && env.stream().noneMatch(e -> e.startsWith("TERM="))) {
      env.add("TERM=xterm");
    }
    List<String> args = new ArrayList<>();
    args.add(c.path());
    args.addAll(c.args());
    String cwd = cfg.workingDir() == null || cfg.workingDir().isEmpty() ? "/" : cfg.workingDir();
    makeWorkdir(rootfs, cwd);
    var input = new ContainerSpec(c.id(), hostname, rootfs, args, env, cwd,
        UserResolver.resolve(rootfs, cfg.user()), cfg.tty(), h.privileged(), h.readonlyRootfs(),
        hostNet ? "host" : endpoint == null ? "" : endpoint.netns(), nz(h.capAdd()), nz(h.capDrop()), h.shmSize(),
        Map.of("/etc/hostname", c.dir().resolve("hostname"), "/etc/hosts", c.dir().resolve("hosts"),
            "/etc/resolv.conf", c.dir().resolve("resolv.conf")),
        Map.of("io.berth.container.name", c.name()));
    return generator.generate(input);
  }

  private static List<String> nz(List<String> l) {
    return l == null ? List.of() : l;
  }

  /** Docker creates a missing working directory; a symlinked path is left to runc to refuse. */
  private static void makeWorkdir(Path rootfs, String cwd) {
    Path p = rootfs;
    for (String part : cwd.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        continue;
      }
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        return;
      }
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(p);
        } catch (IOException e) {
          return;
        }
      }
    }
  }

  private static final String HOSTS = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
      + "fe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";

  /** The container's /etc/hostname, /etc/hosts and /etc/resolv.conf, written once at create. */
  static void writeEtc(Path dir, String hostname, boolean hostNet) {
    try {
      Files.writeString(dir.resolve("hostname"), hostname + "\n");
      String hosts = hostNet && Files.isReadable(Path.of("/etc/hosts"))
          ? Files.readString(Path.of("/etc/hosts"))
          : HOSTS;
      Files.writeString(dir.resolve("hosts"), hosts);
      Path resolv = Path.of("/etc/resolv.conf");
      byte[] r = Files.isReadable(resolv) ? Files.readAllBytes(resolv) : new byte[0];
      if (!hostNet) {
        r = ResolvConf.forOwnNamespace(new String(r, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      Files.write(dir.resolve("resolv.conf"), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * /etc/hosts of a container on the bridge: dockerd's defaults and the container's own address
   * under its hostname. Rewritten in place: the file is bind-mounted, and a mount of a replaced
   * file would go on showing the old one.
   */
  static void writeHosts(Path dir, String hostname, String address) {
    try {
      Files.writeString(dir.resolve("hosts"), HOSTS + address + "\t" + hostname + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
