package io.berth.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecGeneratorTest {
  /** A host bounding set larger than Docker's default but far from every capability. */
  private static final Set<String> HOST = new LinkedHashSet<>(List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
      "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
      "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE", "CAP_NET_ADMIN", "CAP_SYS_ADMIN",
      "CAP_SYS_PTRACE"));
  private static final long NOFILE = 524288;
  private final SpecGenerator generator = new SpecGenerator(HOST, NOFILE);

  private static final class Input {
    boolean privileged;
    String netns = "";
    boolean readonly;
    long shm;
    List<String> add = List.of();
    List<String> drop = List.of();
    String domain = "";
    Map<String, String> sysctls = Map.of();
    List<Spec.Mount> mounts = List.of();
    Limits limits = Limits.NONE;
    List<Spec.Rlimit> ulimits = List.of();
    boolean noNewPrivileges;
    com.fasterxml.jackson.databind.JsonNode seccomp;
    Set<String> hostNamespaces = Set.of();

    ContainerSpec build() {
      return new ContainerSpec("abc123", "host1", domain, Path.of("/rootfs"), List.of("sh", "-c", "true"),
          List.of("PATH=/bin"), "", new Spec.User(0, 0, null), false, null, privileged, readonly,
          netns, add, drop, shm, Map.of("/etc/hosts", Path.of("/data/hosts")), mounts, null, sysctls,
          Map.of("io.berth.container.name", "web"), limits, ulimits, noNewPrivileges, seccomp,
          hostNamespaces, List.of(), List.of(), Map.of());
    }
  }

  private Spec generate(Input in) {
    return generator.generate(in.build());
  }

  private List<String> caps(Input in) {
    return generate(in).process().capabilities().bounding();
  }

  private static Spec.Mount mount(Spec s, String destination) {
    return s.mounts().stream().filter(m -> m.destination().equals(destination)).findFirst().orElseThrow();
  }

  @Test
  void generate_defaults_grantDockersFourteenCapabilities() {
    List<String> caps = caps(new Input());

    assertThat(caps).hasSize(14).containsExactlyInAnyOrderElementsOf(SpecGenerator.DEFAULT_CAPS);
    Spec.Capabilities c = generate(new Input()).process().capabilities();
    assertThat(c.effective()).isEqualTo(caps);
    assertThat(c.permitted()).isEqualTo(caps);
    assertThat(c.inheritable()).isEmpty();
  }

  @Test
  void generate_domainname_isTheDomainnameSysctl_besideTheDaemonsOwn() {
    Input in = new Input();
    assertThat(generate(in).linux().sysctl()).isNull();

    in.domain = "example.com";
    in.sysctls = Map.of("net.ipv4.ip_unprivileged_port_start", "0");
    assertThat(generate(in).linux().sysctl()).containsExactly(Map.entry("kernel.domainname", "example.com"),
        Map.entry("net.ipv4.ip_unprivileged_port_start", "0"));
  }

  @Test
  void ownMounts_replaceDefaultsOfTheirDestination_andGoParentsFirst() {
    Input in = new Input();
    in.mounts = List.of(new Spec.Mount("/data/sub", "bind", "/host/b", List.of("rbind")),
        new Spec.Mount("/dev/shm", "tmpfs", "tmpfs", List.of("size=1m")),
        new Spec.Mount("/data", "bind", "/host/a", List.of("rbind", "ro")),
        new Spec.Mount("/etc", "bind", "/host/etc", List.of("rbind")));

    List<String> order = generate(in).mounts().stream().map(m -> m.destination() + " " + m.source()).toList();

    assertThat(order).containsSubsequence("/data /host/a", "/etc /host/etc", "/etc/hosts /data/hosts");
    assertThat(order).containsSubsequence("/data /host/a", "/data/sub /host/b");
    assertThat(order).filteredOn(d -> d.startsWith("/dev/shm")).containsExactly("/dev/shm tmpfs");
  }

  @Test
  void generate_capAddWithAndWithoutPrefix_addsBoth() {
    Input in = new Input();
    in.add = List.of("NET_ADMIN", "cap_sys_ptrace");

    assertThat(caps(in)).hasSize(16).contains("CAP_NET_ADMIN", "CAP_SYS_PTRACE");
  }

  @Test
  void generate_capDropWithAndWithoutPrefix_removesBoth() {
    Input in = new Input();
    in.drop = List.of("NET_RAW", "CAP_MKNOD");

    assertThat(caps(in)).hasSize(12).doesNotContain("CAP_NET_RAW", "CAP_MKNOD");
  }

  @Test
  void generate_capAddAll_grantsHostSet() {
    Input in = new Input();
    in.add = List.of("ALL");

    assertThat(caps(in)).containsExactlyInAnyOrderElementsOf(HOST);
  }

  @Test
  void generate_capAddAllDropOne_grantsHostSetWithoutIt() {
    Input in = new Input();
    in.add = List.of("all");
    in.drop = List.of("SYS_ADMIN");

    assertThat(caps(in)).hasSize(HOST.size() - 1).doesNotContain("CAP_SYS_ADMIN");
  }

  @Test
  void generate_capDropAll_grantsNothing() {
    Input in = new Input();
    in.drop = List.of("ALL");

    assertThat(caps(in)).isEmpty();
  }

  @Test
  void generate_capDropAllAddOne_grantsOnlyTheAddedOne() {
    // docker run --cap-drop ALL --cap-add NET_BIND_SERVICE: the usual least-privilege idiom
    Input in = new Input();
    in.drop = List.of("ALL");
    in.add = List.of("NET_BIND_SERVICE", "CAP_CHOWN");

    assertThat(caps(in)).containsExactlyInAnyOrder("CAP_NET_BIND_SERVICE", "CAP_CHOWN");
  }

  @Test
  void generate_capAddAllAndDropAll_grantsHostSetAsDockerDoes() {
    Input in = new Input();
    in.add = List.of("ALL");
    in.drop = List.of("ALL");

    assertThat(caps(in)).containsExactlyInAnyOrderElementsOf(HOST);
  }

  @Test
  void generate_sameCapAddedAndDropped_isGrantedAsDockerDoes() {
    // Docker drops from the defaults first and adds afterwards, whatever the flag order
    Input in = new Input();
    in.add = List.of("NET_ADMIN", "CHOWN");
    in.drop = List.of("CAP_NET_ADMIN", "CHOWN");

    assertThat(caps(in)).hasSize(15).contains("CAP_NET_ADMIN", "CAP_CHOWN");
  }

  @Test
  void generate_capAddAboveHostSet_isNotGranted() {
    Input in = new Input();
    in.add = List.of("SYS_MODULE", "CAP_BPF");

    assertThat(caps(in)).hasSize(14).isSubsetOf(HOST);
  }

  @Test
  void generate_defaultsOnSmallHost_neverExceedHostSet() {
    Set<String> host = Set.of("CAP_CHOWN", "CAP_KILL");
    var small = new SpecGenerator(host, NOFILE);
    Input in = new Input();
    in.add = List.of("NET_ADMIN");

    assertThat(small.generate(in.build()).process().capabilities().bounding())
        .containsExactlyInAnyOrder("CAP_CHOWN", "CAP_KILL");
  }

  @Test
  void generate_privileged_getsHostSetAndNoMaskedOrReadonlyPathsAndRwSysfs() {
    Input in = new Input();
    in.privileged = true;
    in.drop = List.of("ALL");

    Spec s = generate(in);

    assertThat(s.process().capabilities().bounding()).containsExactlyInAnyOrderElementsOf(HOST);
    assertThat(s.linux().maskedPaths()).isEmpty();
    assertThat(s.linux().readonlyPaths()).isEmpty();
    assertThat(mount(s, "/sys").options()).contains("rw").doesNotContain("ro");
    assertThat(s.linux().resources().devices())
        .containsExactly(new Spec.DeviceRule(true, null, null, null, "rwm"));
  }

  @Test
  void generate_unprivileged_masksProcAndMountsSysfsReadOnly() {
    Spec s = generate(new Input());

    assertThat(s.linux().maskedPaths()).contains("/proc/kcore", "/proc/keys", "/sys/firmware");
    assertThat(s.linux().readonlyPaths()).contains("/proc/sys", "/proc/sysrq-trigger");
    assertThat(mount(s, "/sys").options()).contains("ro").doesNotContain("rw");
    assertThat(s.linux().resources().devices().getFirst())
        .isEqualTo(new Spec.DeviceRule(false, null, null, null, "rwm"));
  }

  @Test
  void generate_hostNetwork_omitsNetworkNamespace() {
    Input in = new Input();
    in.netns = "host";

    assertThat(generate(in).linux().namespaces()).extracting(Spec.Namespace::type)
        .containsExactly("pid", "ipc", "uts", "mount");
  }

  @Test
  void generate_preparedNetwork_joinsItsNamespace() {
    Input in = new Input();
    in.netns = "/run/berth/netns/abc123";

    assertThat(generate(in).linux().namespaces()).last()
        .isEqualTo(new Spec.Namespace("network", "/run/berth/netns/abc123"));
  }

  @Test
  void generate_ownNetwork_hasNetworkNamespace() {
    assertThat(generate(new Input()).linux().namespaces()).extracting(Spec.Namespace::type)
        .containsExactly("pid", "ipc", "uts", "mount", "network");
  }

  @Test
  void generate_noShmSize_defaultsTo64MiB() {
    assertThat(mount(generate(new Input()), "/dev/shm").options()).contains("size=67108864");
  }

  @Test
  void generate_shmSize_isUsed() {
    Input in = new Input();
    in.shm = 128L << 20;

    Spec.Mount shm = mount(generate(in), "/dev/shm");

    assertThat(shm.options()).contains("size=134217728").doesNotContain("size=67108864");
    assertThat(shm.type()).isEqualTo("tmpfs");
  }

  @Test
  void generate_rlimitNofile_equalsHardLimitGiven() {
    assertThat(generate(new Input()).process().rlimits())
        .containsExactly(new Spec.Rlimit("RLIMIT_NOFILE", NOFILE, NOFILE));
  }

  @Test
  void generate_cgroupsPath_isUnderBerth() {
    assertThat(generate(new Input()).linux().cgroupsPath()).isEqualTo("/berth/abc123");
  }

  @Test
  void generate_emptyCwd_isRoot() {
    assertThat(generate(new Input()).process().cwd()).isEqualTo("/");
  }

  @Test
  void generate_etcFiles_areBindMounted() {
    Spec.Mount hosts = mount(generate(new Input()), "/etc/hosts");

    assertThat(hosts.type()).isEqualTo("bind");
    assertThat(hosts.source()).isEqualTo("/data/hosts");
    assertThat(hosts.options()).containsExactly("rbind", "rprivate");
  }

  @Test
  void generate_serialised_usesRuntimeSpecFieldNames() {
    Input in = new Input();
    in.readonly = true;

    JsonNode j = Json.tree(Json.bytes(generate(in)));

    assertThat(j.get("ociVersion").asText()).startsWith("1.0");
    assertThat(j.get("hostname").asText()).isEqualTo("host1");
    assertThat(j.at("/root/path").asText()).isEqualTo("/rootfs");
    assertThat(j.at("/root/readonly").asBoolean()).isTrue();
    JsonNode process = j.get("process");
    List<String> args = new ArrayList<>();
    process.get("args").forEach(a -> args.add(a.asText()));
    assertThat(args).containsExactly("sh", "-c", "true");
    assertThat(process.get("terminal").asBoolean()).isFalse();
    assertThat(process.at("/user/uid").asLong()).isZero();
    assertThat(process.at("/capabilities/bounding").size()).isEqualTo(14);
    assertThat(process.at("/rlimits/0/type").asText()).isEqualTo("RLIMIT_NOFILE");
    assertThat(process.has("oomScoreAdj")).isFalse();
    assertThat(j.at("/linux/namespaces/0/type").asText()).isEqualTo("pid");
    assertThat(j.at("/linux/namespaces/0").has("path")).isFalse();
    assertThat(j.at("/linux/cgroupsPath").asText()).isEqualTo("/berth/abc123");
    assertThat(j.at("/linux/maskedPaths").isArray()).isTrue();
    assertThat(j.at("/linux/resources/devices/0/access").asText()).isEqualTo("rwm");
    assertThat(j.at("/mounts/0/destination").asText()).isEqualTo("/proc");
    assertThat(j.at("/annotations/io.berth.container.name").asText()).isEqualTo("web");
  }

  @Test
  void limits_goToTheCgroupAndTheProcess() {
    Input in = new Input();
    in.limits = new Limits(64L << 20, 32L << 20, 128L << 20, 10L, true, 512, 50000, 100000, "0", "0", 20L, 300);
    Spec s = generate(in);
    assertThat(s.linux().resources().memory()).containsEntry("limit", 64L << 20).containsEntry("reservation", 32L << 20)
        .containsEntry("swap", 128L << 20).containsEntry("swappiness", 10L).containsEntry("disableOOMKiller", true);
    assertThat(s.linux().resources().cpu()).containsEntry("shares", 512L).containsEntry("quota", 50000L)
        .containsEntry("period", 100000L).containsEntry("cpus", "0").containsEntry("mems", "0");
    assertThat(s.linux().resources().pids()).containsEntry("limit", 20L);
    assertThat(s.process().oomScoreAdj()).isEqualTo(300);
    Spec none = generate(new Input());
    assertThat(none.linux().resources().memory()).isNull();
    assertThat(none.linux().resources().pids()).isNull();
    assertThat(none.process().oomScoreAdj()).isNull();
  }

  @Test
  void ulimits_replaceTheDefaultOfTheirType_andNoNewPrivileges() {
    Input in = new Input();
    in.ulimits = List.of(new Spec.Rlimit("RLIMIT_NOFILE", 100, 50), new Spec.Rlimit("RLIMIT_NPROC", 20, 10));
    in.noNewPrivileges = true;
    Spec s = generate(in);
    assertThat(s.process().rlimits()).containsExactly(new Spec.Rlimit("RLIMIT_NOFILE", 100, 50),
        new Spec.Rlimit("RLIMIT_NPROC", 20, 10));
    assertThat(s.process().noNewPrivileges()).isTrue();
  }

  @Test
  void hostNamespaces_areNotMade_andTheHostsShmIsBound() {
    Input in = new Input();
    in.hostNamespaces = Set.of("pid", "ipc", "uts");
    Spec s = generate(in);
    assertThat(s.linux().namespaces()).extracting(Spec.Namespace::type).containsExactly("mount", "network");
    assertThat(s.hostname()).isNull();
    assertThat(s.mounts()).anySatisfy(m -> {
      assertThat(m.destination()).isEqualTo("/dev/shm");
      assertThat(m.source()).isEqualTo("/dev/shm");
      assertThat(m.type()).isEqualTo("bind");
    });
  }
}
