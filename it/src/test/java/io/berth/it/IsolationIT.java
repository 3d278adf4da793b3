package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Namespaces shared with the host, sysctls of the container's own namespaces, extra groups. */
@Tag("privileged")
class IsolationIT extends BusyboxSuite {
  private static String hostNs(String kind) throws Exception {
    return Files.readSymbolicLink(Path.of("/proc/self/ns", kind)).toString();
  }

  @Test
  void hostNamespaces_areTheHosts() throws Exception {
    Cmd run = docker("run", "--rm", "--pid", "host", "--ipc", "host", "--uts", "host", "busybox", "sh", "-c",
        "for n in pid ipc uts; do readlink /proc/self/ns/$n; done; hostname");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly(hostNs("pid"), hostNs("ipc"), hostNs("uts"),
        java.net.InetAddress.getLocalHost().getHostName().replaceFirst("\\..*", ""));
    Cmd own = docker("run", "--rm", "busybox", "readlink", "/proc/self/ns/pid");
    assertThat(own.out().strip()).isNotEqualTo(hostNs("pid"));
    Cmd conflict = docker("run", "--rm", "--uts", "host", "--hostname", "x", "busybox", "true");
    assertThat(conflict.err()).contains("conflicting options: hostname and the UTS mode");
  }

  @Test
  void sysctls_ofTheContainersNamespaces() throws Exception {
    Cmd run = docker("run", "--rm", "--sysctl", "net.ipv4.ip_forward=1", "--sysctl", "kernel.shmmax=123456789",
        "busybox", "cat", "/proc/sys/net/ipv4/ip_forward", "/proc/sys/kernel/shmmax");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("1\n123456789\n");
    Cmd berth = BerthCliIT.berthWith(daemon, "", "run", "--rm", "--sysctl", "net.ipv4.ip_forward=1", "busybox", "cat",
        "/proc/sys/net/ipv4/ip_forward");
    assertThat(berth.out()).isEqualTo("1\n");
    Cmd refused = docker("run", "--rm", "--sysctl", "kernel.hostname=x", "busybox", "true");
    Cmd berthRefused = BerthCliIT.berthWith(daemon, "", "run", "--rm", "--sysctl", "kernel.hostname=x", "busybox", "true");
    assertThat(refused.err()).contains("sysctl 'kernel.hostname=x' is not allowed");
    assertThat(berthRefused.err()).contains("sysctl 'kernel.hostname=x' is not allowed");
  }

  @Test
  void groupAdd_byNameAndNumber() throws Exception {
    Cmd run = docker("run", "--rm", "--group-add", "wheel", "--group-add", "1234", "busybox", "id", "-G");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().strip().split(" ")).contains("0", "10", "1234");
    Cmd unknown = docker("run", "--rm", "--group-add", "nosuch", "busybox", "true");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.err()).contains("Unable to find group nosuch: no matching entries in group file");
  }

  @Test
  void device_isMadeWithItsPermissions_andCgroupRulesApply() throws Exception {
    // /dev/fuse is none of the nodes every container may use: its rule is the one --device adds
    Cmd run = docker("run", "--rm", "--device", "/dev/fuse:/dev/f:r", "busybox", "sh", "-c",
        "ls -l /dev/f; (exec 3< /dev/f) && echo read; (exec 3> /dev/f) || echo refused");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("c.* 10, +229 .*/dev/f").contains("read").contains("refused");
    Cmd berth = BerthCliIT.berthWith(daemon, "", "run", "--rm", "--device", "/dev/zero:/dev/z", "busybox", "sh", "-c",
        "head -c 3 /dev/z | wc -c");
    assertThat(berth.out().strip()).isEqualTo("3");
    // a node the container makes itself is usable only where a rule allows it
    String open = "mknod /tmp/f c 10 229 && (exec 3< /tmp/f) && echo opened || echo denied";
    assertThat(docker("run", "--rm", "--device-cgroup-rule", "c 10:229 rwm", "busybox", "sh", "-c", open).out())
        .contains("opened");
    assertThat(docker("run", "--rm", "busybox", "sh", "-c", open).out()).contains("denied");
    Cmd missing = docker("run", "--rm", "--device", "/dev/nosuch", "busybox", "true");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("error gathering device information while adding custom device \"/dev/nosuch\":"
        + " no such file or directory");
  }

  @Test
  void pidOfAnotherContainer_isJoined_whileItRuns() throws Exception {
    assertThat(docker("run", "-d", "--name", "target", "busybox", "sleep", "301").exit()).isZero();
    String target = docker("inspect", "-f", "{{.Id}}", "target").out().strip();
    Cmd ps = docker("run", "--rm", "--pid", "container:target", "busybox", "ps", "-o", "args");
    assertThat(ps.exit()).as(ps.err()).isZero();
    assertThat(ps.out()).contains("sleep 301");
    docker("create", "--name", "joiner", "--pid", "container:target", "busybox", "true");
    assertThat(docker("inspect", "-f", "{{.HostConfig.PidMode}}", "joiner").out().strip()).isEqualTo("container:" + target);
    docker("stop", "-t", "0", "target");
    Cmd stopped = docker("run", "--rm", "--pid", "container:target", "busybox", "true");
    assertThat(stopped.exit()).isNotZero();
    assertThat(stopped.err()).contains("cannot join PID of a non running container");
  }
}
