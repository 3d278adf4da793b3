package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Resource limits, proven from the cgroup and from inside the container: set at run, changed by update, broken. */
@Tag("privileged")
class LimitsIT extends BusyboxSuite {
  private static final Path CGROUP = Path.of("/sys/fs/cgroup");

  private static String cgroup(String controller, String id, String file) throws Exception {
    return Files.readString(CGROUP.resolve(controller).resolve("berth").resolve(id).resolve(file)).strip();
  }

  @Test
  void run_limits_reachTheCgroup_andInspect() throws Exception {
    Cmd run = docker("run", "-d", "--name", "lim", "--memory", "32m", "--memory-reservation", "16m", "--cpus", "0.5",
        "--cpu-shares", "512", "--pids-limit", "20", "--oom-score-adj", "100", "--cpuset-cpus", "0", "busybox",
        "sleep", "300");
    assertThat(run.exit()).as(run.err()).isZero();
    String id = run.out().strip();
    assertThat(cgroup("memory", id, "memory.limit_in_bytes")).isEqualTo("33554432");
    // swap defaults to twice the memory, as dockerd sets it
    assertThat(cgroup("memory", id, "memory.memsw.limit_in_bytes")).isEqualTo("67108864");
    assertThat(cgroup("memory", id, "memory.soft_limit_in_bytes")).isEqualTo("16777216");
    assertThat(cgroup("cpu", id, "cpu.cfs_quota_us")).isEqualTo("50000");
    assertThat(cgroup("cpu", id, "cpu.cfs_period_us")).isEqualTo("100000");
    assertThat(cgroup("cpu", id, "cpu.shares")).isEqualTo("512");
    assertThat(cgroup("cpuset", id, "cpuset.cpus")).isEqualTo("0");
    assertThat(cgroup("pids", id, "pids.max")).isEqualTo("20");
    String pid = docker("inspect", "-f", "{{.State.Pid}}", "lim").out().strip();
    assertThat(Files.readString(Path.of("/proc", pid, "oom_score_adj")).strip()).isEqualTo("100");
    assertThat(docker("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} "
        + "{{.HostConfig.PidsLimit}} {{.HostConfig.CpuShares}} {{.HostConfig.OomScoreAdj}} {{.HostConfig.CpusetCpus}}",
        "lim").out()).isEqualTo("33554432 67108864 500000000 20 512 100 0\n");
    assertThat(docker("stats", "--no-stream", "--format", "{{.MemUsage}}", "lim").out()).contains("/ 32MiB");
  }

  @Test
  void update_changesARunningContainersCgroup_andKeepsDockersConflicts() throws Exception {
    String id = docker("run", "-d", "--name", "upd", "--memory", "32m", "--cpus", "0.5", "busybox", "sleep", "300")
        .out().strip();
    Cmd up = docker("update", "--memory", "64m", "--memory-swap", "128m", "--pids-limit", "30", "--cpus", "1", "upd");
    assertThat(up.exit()).as(up.err()).isZero();
    assertThat(up.out()).isEqualTo("upd\n");
    assertThat(cgroup("memory", id, "memory.limit_in_bytes")).isEqualTo("67108864");
    assertThat(cgroup("pids", id, "pids.max")).isEqualTo("30");
    assertThat(cgroup("cpu", id, "cpu.cfs_quota_us")).isEqualTo("100000");
    assertThat(docker("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}} {{.HostConfig.NanoCpus}}",
        "upd").out()).isEqualTo("67108864 30 1000000000\n");
    Cmd quota = docker("update", "--cpu-quota", "50000", "upd");
    assertThat(quota.exit()).isEqualTo(1);
    assertThat(quota.err()).contains("Cannot update container " + id + ": Conflicting options: CPU Quota cannot be"
        + " updated as NanoCPUs has already been set");
    Cmd memory = docker("update", "--memory", "200m", "upd");
    assertThat(memory.err()).contains("Memory limit should be smaller than already set memoryswap limit, update the"
        + " memoryswap at the same time");
    // a stopped container gets its new limits at its next start
    docker("stop", "-t", "0", "upd");
    assertThat(docker("update", "--pids-limit", "40", "upd").exit()).isZero();
    docker("start", "upd");
    assertThat(cgroup("pids", id, "pids.max")).isEqualTo("40");
    Cmd berth = BerthCliIT.berthWith(daemon, "", "update", "--pids-limit", "50", "upd");
    assertThat(berth.exit()).as(berth.err()).isZero();
    assertThat(cgroup("pids", id, "pids.max")).isEqualTo("50");
  }

  @Test
  void memoryLimit_exceeded_isAnOomKill() throws Exception {
    long since = java.time.Instant.now().getEpochSecond();
    Cmd run = docker("run", "--name", "oomer", "--memory", "16m", "busybox", "dd", "if=/dev/zero", "of=/dev/null",
        "bs=64M", "count=1");
    assertThat(run.exit()).isEqualTo(137);
    assertThat(docker("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", "oomer").out()).isEqualTo("true 137\n");
    Wait.until(Duration.ofSeconds(10), () -> docker("events", "--since", Long.toString(since), "--until",
        Long.toString(java.time.Instant.now().getEpochSecond() + 1), "--filter", "container=oomer", "--format",
        "{{.Action}}").out().lines().toList().containsAll(java.util.List.of("oom", "die")), "the oom event");
    // the next run starts clean
    docker("start", "-a", "oomer");
    docker("rm", "oomer");
    Cmd fine = docker("run", "--name", "fits", "--memory", "64m", "busybox", "dd", "if=/dev/zero", "of=/dev/null",
        "bs=1M", "count=1");
    assertThat(fine.exit()).isZero();
    assertThat(docker("inspect", "-f", "{{.State.OOMKilled}}", "fits").out()).isEqualTo("false\n");
  }

  @Test
  void pidsLimit_stopsAForkBomb() throws Exception {
    Cmd run = docker("run", "--rm", "--pids-limit", "8", "busybox", "sh", "-c",
        "i=0; while [ $i -lt 20 ]; do sleep 30 & i=$((i+1)); done; echo done");
    assertThat(run.out() + run.err()).contains("can't fork");
  }

  @Test
  void cpuQuota_holdsABusyLoop() throws Exception {
    String id = docker("run", "-d", "--name", "busy", "--cpus", "0.5", "busybox", "sh", "-c", "while :; do :; done")
        .out().strip();
    // the cgroup's own counter: a second of CPU time takes two of the wall clock at half a CPU
    long u0 = Long.parseLong(cgroup("cpuacct", id, "cpuacct.usage"));
    long t0 = System.nanoTime();
    Wait.until(Duration.ofSeconds(20), () -> Long.parseLong(cgroup("cpuacct", id, "cpuacct.usage")) - u0
        >= 1_000_000_000L, "a second of CPU time");
    double share = 1e9 / (System.nanoTime() - t0);
    assertThat(share).isBetween(0.35, 0.6);
  }

  @Test
  void badLimits_areRefusedInDockersWords() throws Exception {
    assertThat(docker("run", "--rm", "--memory", "1m", "busybox", "true").err())
        .contains("Minimum memory limit allowed is 6MB");
    int cpus = Runtime.getRuntime().availableProcessors();
    assertThat(docker("run", "--rm", "--cpus", Integer.toString(cpus + 3), "busybox", "true").err())
        .contains("range of CPUs is from 0.01 to " + cpus + ".00, as there are only " + cpus + " CPUs available");
    assertThat(docker("run", "--rm", "--cpuset-cpus", "77", "busybox", "true").err())
        .contains("Requested CPUs are not available - requested 77, available: ");
    assertThat(docker("run", "--rm", "--memory", "64m", "--memory-swap", "32m", "busybox", "true").err())
        .contains("Minimum memoryswap limit should be larger than memory limit, see usage");
    assertThat(docker("run", "--rm", "--cpus", "1", "--cpu-quota", "50000", "busybox", "true").err())
        .contains("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    Cmd adj = docker("run", "--rm", "--oom-score-adj", "2000", "busybox", "true");
    assertThat(adj.exit()).isEqualTo(125);
    assertThat(adj.err()).contains("Invalid value 2000, range for oom score adj is [-1000, 1000]");
  }

  @Test
  void ulimits_andNoNewPrivileges_holdInside() throws Exception {
    Cmd run = docker("run", "--rm", "--ulimit", "nofile=1024:2048", "--ulimit", "nproc=100", "--security-opt",
        "no-new-privileges", "busybox", "sh", "-c", "grep -E 'open files|processes' /proc/self/limits; "
        + "grep NoNewPrivs /proc/self/status");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("Max processes +100 +100 ").containsPattern("Max open files +1024 +2048 ")
        .contains("NoNewPrivs:\t1");
    assertThat(docker("run", "--rm", "busybox", "grep", "NoNewPrivs", "/proc/self/status").out())
        .isEqualTo("NoNewPrivs:\t0\n");
    // above berthd's own hard limit only with CAP_SYS_RESOURCE
    long pid = daemon.pid();
    boolean canRaise = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(l -> l.startsWith("CapEff:")).map(l -> Long.parseUnsignedLong(l.substring(7).strip(), 16))
        .anyMatch(c -> (c & (1L << 24)) != 0);
    String hard = Files.readAllLines(Path.of("/proc/" + pid + "/limits")).stream()
        .filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow().split("\\s+")[4];
    if (!canRaise && !hard.equals("unlimited")) {
      long above = Long.parseLong(hard) + 1;
      Cmd high = docker("run", "--rm", "--ulimit", "nofile=" + above + ":" + above, "busybox", "true");
      assertThat(high.exit()).isEqualTo(125);
      assertThat(high.err()).contains("berth cannot set the nofile ulimit's hard limit to " + above + ": this host's is "
          + hard + ", and berthd may not raise it (it lacks CAP_SYS_RESOURCE)");
    }
    Cmd bad = docker("run", "--rm", "--ulimit", "nofile=5:3", "busybox", "true");
    Cmd berth = BerthCliIT.berthWith(daemon, "", "run", "--rm", "--ulimit", "nofile=5:3", "busybox", "true");
    assertThat(bad.err()).contains("invalid argument \"nofile=5:3\" for \"--ulimit\" flag: ulimit soft limit must be"
        + " less than or equal to hard limit: 5 > 3");
    assertThat(berth.err()).contains("invalid argument \"nofile=5:3\" for \"--ulimit\" flag: ulimit soft limit must be"
        + " less than or equal to hard limit: 5 > 3");
    Cmd opt = docker("run", "--rm", "--security-opt", "no-new-privileges=maybe", "busybox", "true");
    assertThat(opt.err()).contains("invalid --security-opt 2: \"no-new-privileges=maybe\"");
  }

  /** Seccomp: Docker's default profile is on, user namespaces and the keyring refused; unconfined and --privileged lift it. */
  @Test
  void seccomp_defaultFilters_unconfinedAndPrivilegedDoNot() throws Exception {
    Cmd filtered = docker("run", "--rm", "busybox", "sh", "-c", "grep Seccomp: /proc/self/status; unshare -U true");
    assertThat(filtered.out()).contains("Seccomp:\t2");
    assertThat(filtered.exit()).isNotZero();
    assertThat(filtered.out() + filtered.err()).contains("Operation not permitted");
    Cmd unconfined = docker("run", "--rm", "--security-opt", "seccomp=unconfined", "busybox", "sh", "-c",
        "grep Seccomp: /proc/self/status; unshare -U true && echo unshared");
    assertThat(unconfined.out()).contains("Seccomp:\t0").contains("unshared");
    Cmd privileged = docker("run", "--rm", "--privileged", "busybox", "grep", "Seccomp:", "/proc/self/status");
    assertThat(privileged.out()).contains("Seccomp:\t0");
    // a profile of one's own, as the CLI sends a file's content: here one that allows everything but mkdir
    Path own = Files.createTempFile("profile", ".json");
    try {
      Files.writeString(own, "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"mkdir\","
          + " \"mkdirat\"], \"action\": \"SCMP_ACT_ERRNO\"}]}");
      Cmd mine = docker("run", "--rm", "--security-opt", "seccomp=" + own, "busybox", "mkdir", "/x");
      assertThat(mine.exit()).isNotZero();
      assertThat(mine.err()).contains("Operation not permitted");
      Cmd berth = BerthCliIT.berthWith(daemon, "", "run", "--rm", "--security-opt", "seccomp=" + own, "busybox",
          "mkdir", "/x");
      assertThat(berth.exit()).isNotZero();
    } finally {
      Files.deleteIfExists(own);
    }
  }
}
