package io.berth.cli.command.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.cli.flags.FlagParser;
import io.berth.cli.flags.FlagSet;
import io.berth.cli.flags.Parsed;
import io.berth.cli.flags.UsageError;
import io.berth.cli.format.JsonValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerOptionsTest {
  private static Parsed parse(String... args) {
    FlagSet f = new FlagSet();
    ContainerFlags.declare(f, true);
    return FlagParser.parse(f, List.of(args));
  }

  private static String body(Parsed p, boolean detach) throws Exception {
    return new String(ContainerOptions.body(p, Map.of(), detach), StandardCharsets.UTF_8);
  }

  private static Object publishBody(String... args) throws Exception {
    return JsonValues.parse(ContainerOptions.body(parse(args), Map.of(), true));
  }

  @Test
  void body_runFlags_becomeDockersCreateRequest() throws Exception {
    Object b = JsonValues.parse(ContainerOptions.body(parse("-u", "1000", "-w", "/tmp", "--entrypoint", "/bin/sh",
        "-h", "box", "-l", "a=b", "-l", "flag", "--rm", "busybox", "-c", "echo hi"), Map.of(), false));
    assertThat(JsonValues.string(b, "Image")).isEqualTo("busybox");
    assertThat(JsonValues.at(b, "Cmd")).isEqualTo(List.of("-c", "echo hi"));
    assertThat(JsonValues.at(b, "Entrypoint")).isEqualTo(List.of("/bin/sh"));
    assertThat(JsonValues.string(b, "User")).isEqualTo("1000");
    assertThat(JsonValues.string(b, "WorkingDir")).isEqualTo("/tmp");
    assertThat(JsonValues.string(b, "Hostname")).isEqualTo("box");
    assertThat(JsonValues.at(b, "Labels")).isEqualTo(Map.of("a", "b", "flag", ""));
    assertThat(JsonValues.at(b, "HostConfig")).isEqualTo(Map.of("AutoRemove", true));
    assertThat(JsonValues.bool(b, "AttachStdout")).isTrue();
    assertThat(JsonValues.bool(b, "AttachStdin")).isFalse();
  }

  @Test
  void body_mounts_asDockersClientSendsThem() throws Exception {
    Object b = publishBody("-v", "/data", "-v", "vol:/v:ro", "-v", "./rel:/r", "-v", "/h:/c", "-v", "/h:/c",
        "--tmpfs", "/t:size=1m", "--tmpfs", "/u", "--volumes-from", "other:ro",
        "--mount", "type=bind,src=/s,dst=/d,readonly,bind-propagation=rslave",
        "--mount", "dst=/anon,volume-nocopy,volume-label=a=b",
        "--mount", "type=tmpfs,dst=/tt,tmpfs-size=64m,tmpfs-mode=1770", "busybox");
    assertThat(JsonValues.at(b, "Volumes")).isEqualTo(Map.of("/data", Map.of()));
    String cwd = Path.of("").toAbsolutePath().toString();
    assertThat(JsonValues.at(b, "HostConfig", "Binds")).isEqualTo(List.of("vol:/v:ro", cwd + "/rel:/r", "/h:/c"));
    assertThat(JsonValues.at(b, "HostConfig", "Tmpfs")).isEqualTo(Map.of("/t", "size=1m", "/u", ""));
    assertThat(JsonValues.at(b, "HostConfig", "VolumesFrom")).isEqualTo(List.of("other:ro"));
    assertThat(JsonValues.at(b, "HostConfig", "Mounts")).isEqualTo(List.of(
        Map.of("Type", "bind", "Source", "/s", "Target", "/d", "ReadOnly", true,
            "BindOptions", Map.of("Propagation", "rslave")),
        Map.of("Type", "volume", "Target", "/anon",
            "VolumeOptions", Map.of("NoCopy", true, "Labels", Map.of("a", "b"), "DriverConfig", Map.of())),
        Map.of("Type", "tmpfs", "Target", "/tt", "TmpfsOptions", Map.of("SizeBytes", 67108864L, "Mode", 1016L))));
  }

  @Test
  void body_badMounts_areRefusedInDockersWords() {
    assertThatThrownBy(() -> publishBody("-v", "/a::/b", "busybox"))
        .hasMessage("invalid spec: /a::/b: empty section between colons");
    assertThatThrownBy(() -> publishBody("-v", "/a:/b:ro:x", "busybox"))
        .hasMessage("invalid spec: /a:/b:ro:x: too many colons");
    assertThatThrownBy(() -> publishBody("--mount", "type=bind,src=/a", "busybox"))
        .hasMessage("invalid argument \"type=bind,src=/a\" for \"--mount\" flag: target is required");
    assertThatThrownBy(() -> publishBody("--mount", "type=bind,dst=/a,volume-nocopy", "busybox"))
        .hasMessage("invalid argument \"type=bind,dst=/a,volume-nocopy\" for \"--mount\" flag: "
            + "cannot mix 'volume-*' options with mount type 'bind'");
    assertThatThrownBy(() -> publishBody("--mount", "dst=/a,foo=1", "busybox"))
        .hasMessage("invalid argument \"dst=/a,foo=1\" for \"--mount\" flag: unexpected key 'foo' in 'foo=1'");
  }

  @Test
  void body_noCommand_sendsNullCmdAndEntrypoint() throws Exception {
    Object b = JsonValues.parse(ContainerOptions.body(parse("busybox"), Map.of(), true));
    assertThat(((Map<?, ?>) b).containsKey("Cmd")).isTrue();
    assertThat(JsonValues.at(b, "Cmd")).isNull();
    assertThat(((Map<?, ?>) b).containsKey("Entrypoint")).isTrue();
    assertThat(JsonValues.at(b, "Entrypoint")).isNull();
    assertThat(JsonValues.bool(b, "AttachStdout")).isFalse();
  }

  /** The daemon gets the request data binding used to produce: same fields, order, nulls and escapes. */
  @Test
  void body_exactBytes_keepFieldsOrderNullsAndEscapes() throws Exception {
    assertThat(body(parse("busybox", "true"), false)).isEqualTo("{\"Hostname\":\"\",\"Domainname\":\"\",\"User\":\"\","
        + "\"AttachStdin\":false,\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":false,\"OpenStdin\":false,"
        + "\"StdinOnce\":false,\"Env\":[],\"Cmd\":[\"true\"],\"Image\":\"busybox\",\"WorkingDir\":\"\","
        + "\"Entrypoint\":null,\"Labels\":{},\"HostConfig\":{\"AutoRemove\":false},"
        + "\"NetworkingConfig\":{\"EndpointsConfig\":{}}}");
    assertThat(body(parse("-i", "--name", "n1", "-u", "1000:1", "-w", "/tmp", "-h", "host", "--entrypoint", "",
        "-l", "a=b", "-l", "flag", "-l", "q=\"x\"", "--network", "none", "-e", "X=a\"b\\c", "-e", "C=\u0001\u001f\u007f",
        "-e", "U=é€😀", "-e", "NL=a\nb\r\t\b\f", "busybox", "sh", "-c", "echo \"hi\\there\""), false))
        .isEqualTo("{\"Hostname\":\"host\",\"Domainname\":\"\",\"User\":\"1000:1\",\"AttachStdin\":true,"
            + "\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":false,\"OpenStdin\":true,\"StdinOnce\":true,"
            + "\"Env\":[\"X=a\\\"b\\\\c\",\"C=\\u0001\\u001F\u007f\",\"U=é€\\uD83D\\uDE00\",\"NL=a\\nb\\r\\t\\b\\f\"],"
            + "\"Cmd\":[\"sh\",\"-c\",\"echo \\\"hi\\\\there\\\"\"],\"Image\":\"busybox\",\"WorkingDir\":\"/tmp\","
            + "\"Entrypoint\":[\"\"],\"Labels\":{\"a\":\"b\",\"flag\":\"\",\"q\":\"\\\"x\\\"\"},"
            + "\"HostConfig\":{\"AutoRemove\":false,\"NetworkMode\":\"none\"},\"NetworkingConfig\":{\"EndpointsConfig\":{}}}");
  }

  @Test
  void env_bareName_takesValueFromEnvironmentOrStaysBare() throws Exception {
    assertThat(ContainerOptions.env(parse("-e", "HOME", "-e", "UNSET", "-e", "X=1", "img"), Map.of("HOME", "/root")))
        .containsExactly("HOME=/root", "UNSET", "X=1");
  }

  @Test
  void env_envFile_readFirstWithDockerRules(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("env");
    Files.writeString(f, "# comment\n\n  A=1 2\nHOME\nMISSING\nB=\n");
    assertThat(ContainerOptions.env(parse("--env-file", f.toString(), "-e", "C=3", "img"), Map.of("HOME", "/h")))
        .containsExactly("A=1 2", "HOME=/h", "B=", "C=3");
  }

  @Test
  void envFile_keyWithSpace_isRejected(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("env");
    Files.writeString(f, "BAD KEY=1\n");
    assertThatThrownBy(() -> ContainerOptions.envFile(f, Map.of()))
        .hasMessage("invalid env file (" + f + "): variable 'BAD KEY' contains whitespaces");
  }

  @Test
  void labels_emptyName_isAFlagError() {
    assertThatThrownBy(() -> ContainerOptions.labels(parse("-l", "=x", "img"))).isInstanceOf(UsageError.class)
        .hasMessage("invalid argument \"=x\" for \"-l, --label\" flag: invalid label '=x': empty name");
  }

  @Test
  void timestamps_relativeAndAbsolute_convertLikeDocker() {
    java.time.Instant now = java.time.Instant.ofEpochSecond(1_000_000);
    assertThat(Timestamps.toApi("10m", now)).isEqualTo("999400");
    assertThat(Timestamps.toApi("1h30m", now)).isEqualTo("994600");
    assertThat(Timestamps.toApi("2013-01-02T13:23:37Z", now)).isEqualTo("1357133017.000000000");
    assertThat(Timestamps.toApi("1357133017", now)).isEqualTo("1357133017");
    assertThatThrownBy(() -> Timestamps.toApi("soon", now)).hasMessage("failed to parse value as time or duration: \"soon\"");
  }

  private static Object json(String... args) throws Exception {
    Parsed p = parse(args);
    ContainerFlags.check(p);
    return JsonValues.parse(ContainerOptions.body(p, Map.of(), false));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> hostConfig(Object body) {
    return (Map<String, Object>) JsonValues.at(body, "HostConfig");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void check_unsupportedFlags_areRefusedNamingTheLongFlag() {
    String[][] cases = {
        {"--kernel-memory", "512m"}, {"--blkio-weight", "300"}, {"--cpu-rt-period", "1000"}, {"--uts", "container:x"},
        {"--runtime", "crun"},
        {"-a", "stdout"}, {"--cgroupns", "private"},
        {"--userns", "host"}, {"--platform", "linux/amd64"}, {"--disable-content-trust=false"},
        {"--cgroup-parent", "/x"}, {"--ipc", "container:x"}};
    for (String[] c : cases) {
      List<String> args = new java.util.ArrayList<>(List.of(c));
      args.addAll(List.of("busybox", "true"));
      String flag = c[0].startsWith("--") ? c[0].replaceFirst("=.*", "") : switch (c[0]) {
        case "-v" -> "--volume";
        case "-p" -> "--publish";
        case "-m" -> "--memory";
        case "-P" -> "--publish-all";
        case "-a" -> "--attach";
        case "-c" -> "--cpu-shares";
        default -> throw new AssertionError(c[0]);
      };
      assertThatThrownBy(() -> ContainerFlags.check(parse(args.toArray(String[]::new))))
          .as(String.join(" ", c)).isInstanceOf(ContainerOptions.Invalid.class)
          .hasMessage("berth does not support " + flag + " yet");
    }
  }

  @Test
  void check_firstUnsupportedFlagOnTheLine_isNamed() {
    assertThatThrownBy(() -> ContainerFlags.check(parse("--rm", "-p", "80:80", "-v", "/a:/b", "-m", "1g",
        "--ulimit", "nofile=5", "--init", "--cgroup-parent", "/x", "busybox")))
        .hasMessage("berth does not support --cgroup-parent yet");
  }

  @Test
  void check_defaultsOfUnsupportedFlags_areAccepted() throws Exception {
    ContainerFlags.check(parse("--restart", "no", "--restart=", "--memory-swappiness", "-1", "--pids-limit", "-1",
        "--init=false", "--oom-kill-disable=false", "--disable-content-trust", "-m", "0", "--cpus", "0",
        "-c", "0", "--health-interval", "0s", "--use-api-socket=false", "--ipc", "private",
        "--cgroupns", "host", "--runtime", "runc", "--isolation", "default", "busybox"));
    // As in pflag, the last value of a single-valued flag is the one that counts
    ContainerFlags.check(parse("--restart", "always", "--restart", "no", "busybox"));
    ContainerFlags.check(parse("--restart", "no:0", "busybox"));
  }

  /** docker's nat.ParsePortSpecs: ranges, addresses, protocols, and the long form. */
  @Test
  void publish_becomesPortBindingsAndExposedPorts_asDockerSendsThem() throws Exception {
    Object body = publishBody("-p", "8080:80", "-p", "127.0.0.1::81/udp", "-p", "9000-9001:90-91", "-p", "7000-7010:70",
        "-p", "[::1]:6000:60", "-p", "published=5000,target=50,protocol=udp", "-P", "busybox");
    Map<String, Object> bindings = map(hostConfig(body).get("PortBindings"));
    assertThat(bindings).containsOnlyKeys("80/tcp", "81/udp", "90/tcp", "91/tcp", "70/tcp", "60/tcp", "50/udp");
    assertThat(bindings.get("80/tcp")).isEqualTo(List.of(Map.of("HostIp", "", "HostPort", "8080")));
    assertThat(bindings.get("81/udp")).isEqualTo(List.of(Map.of("HostIp", "127.0.0.1", "HostPort", "")));
    assertThat(bindings.get("91/tcp")).isEqualTo(List.of(Map.of("HostIp", "", "HostPort", "9001")));
    assertThat(bindings.get("70/tcp")).isEqualTo(List.of(Map.of("HostIp", "", "HostPort", "7000-7010")));
    assertThat(bindings.get("60/tcp")).isEqualTo(List.of(Map.of("HostIp", "::1", "HostPort", "6000")));
    assertThat(bindings.get("50/udp")).isEqualTo(List.of(Map.of("HostIp", "", "HostPort", "5000")));
    assertThat(map(JsonValues.at(body, "ExposedPorts"))).containsOnlyKeys(bindings.keySet());
    assertThat(hostConfig(body).get("PublishAllPorts")).isEqualTo(true);
  }

  @Test
  void dnsAndAddHost_becomeHostConfigLists_asDockerSendsThem() throws Exception {
    Object body = publishBody("--dns", "1.1.1.1", "--dns-search", "example.com", "--dns-option", "ndots:2",
        "--dns-opt", "edns0", "--add-host", "db=10.0.0.5", "--add-host", "v6:[::1]", "--add-host", "gw:host-gateway",
        "busybox");
    Map<String, Object> h = hostConfig(body);
    assertThat(h.get("Dns")).isEqualTo(List.of("1.1.1.1"));
    assertThat(h.get("DnsSearch")).isEqualTo(List.of("example.com"));
    assertThat(h.get("DnsOptions")).isEqualTo(List.of("ndots:2", "edns0"));
    assertThat(h.get("ExtraHosts")).isEqualTo(List.of("db:10.0.0.5", "v6:::1", "gw:host-gateway"));
    assertThatThrownBy(() -> publishBody("--dns", "one.one", "busybox"))
        .hasMessage("invalid argument \"one.one\" for \"--dns\" flag: IP address is not correctly formatted: one.one");
    assertThatThrownBy(() -> publishBody("--add-host", "db", "busybox"))
        .hasMessage("invalid argument \"db\" for \"--add-host\" flag: bad format for add-host: \"db\"");
    assertThatThrownBy(() -> publishBody("--dns-search", "-bad-", "busybox"))
        .hasMessage("invalid argument \"-bad-\" for \"--dns-search\" flag: -bad- is not a valid domain");
  }

  @Test
  void publish_malformed_getsDockersWords() {
    for (String[] c : new String[][] {{"abc", "invalid containerPort: abc"}, {"x:80", "invalid hostPort: x"},
        {"80/xyz", "invalid proto: xyz"}, {"1.2.3:80:80", "invalid IP address: 1.2.3"},
        {"8000-8001:80-82", "invalid ranges specified for container and host Ports: 80-82 and 8000-8001"}}) {
      assertThatThrownBy(() -> publishBody("-p", c[0], "busybox")).as(c[0]).hasMessage(c[1]);
    }
  }

  @Test
  void check_malformedRestartPolicy_getsDockersWords() {
    assertThatThrownBy(() -> ContainerFlags.check(parse("--restart", ":3", "busybox")))
        .hasMessage("invalid restart policy format: no policy provided before colon");
    assertThatThrownBy(() -> ContainerFlags.check(parse("--restart", "always:x", "busybox")))
        .hasMessage("invalid restart policy format: maximum retry count must be an integer");
  }

  @Test
  void parse_everyDockerFlag_takesItsValueSoTheImageAndCommandStayIntact() {
    Parsed p = parse("-v", "/a:/b", "-p", "80:80", "-P", "-c", "2", "-m", "1g", "-a", "stdout", "--init",
        "--mount", "type=tmpfs,dst=/t", "--gpus", "all", "--ulimit", "nofile=1", "--sysctl", "a=b", "--net-alias", "x",
        "--dns-opt", "y", "-itd", "busybox", "sh", "-v", "-c", "echo hi");
    assertThat(p.args()).containsExactly("busybox", "sh", "-v", "-c", "echo hi");
    assertThat(p.list("volume")).containsExactly("/a:/b");
    assertThat(p.bool("publish-all")).isTrue();
    assertThat(p.bool("detach")).isTrue();
  }

  @Test
  void body_privilegedReadOnlyAndCapabilities_goToHostConfigNormalised() throws Exception {
    Object b = json("--privileged", "--read-only", "--cap-add", "net_admin", "--cap-add", "CAP_SYS_TIME",
        "--cap-add", "NET_ADMIN", "--cap-drop", "all", "busybox");
    Map<String, Object> h = hostConfig(b);
    assertThat(h.get("Privileged")).isEqualTo(true);
    assertThat(h.get("ReadonlyRootfs")).isEqualTo(true);
    assertThat(h.get("CapAdd")).isEqualTo(List.of("CAP_NET_ADMIN", "CAP_SYS_TIME"));
    assertThat(h.get("CapDrop")).isEqualTo(List.of("ALL"));
    Map<String, Object> plain = hostConfig(json("--privileged=false", "busybox"));
    assertThat(plain).doesNotContainKeys("Privileged", "ReadonlyRootfs", "CapAdd", "CapDrop", "ShmSize");
  }

  @Test
  void body_shmSize_takesDockersRamUnits() throws Exception {
    assertThat(hostConfig(json("--shm-size", "64m", "busybox")).get("ShmSize")).isEqualTo(64L << 20);
    assertThat(hostConfig(json("--shm-size", "1.5GiB", "busybox")).get("ShmSize")).isEqualTo(3L << 29);
    assertThat(hostConfig(json("--shm-size", "2 kb", "busybox")).get("ShmSize")).isEqualTo(2048L);
    assertThat(hostConfig(json("--shm-size", "1000", "busybox")).get("ShmSize")).isEqualTo(1000L);
    assertThatThrownBy(() -> json("--shm-size", "abc", "busybox")).isInstanceOf(UsageError.class)
        .hasMessage("invalid argument \"abc\" for \"--shm-size\" flag: invalid size: 'abc'");
    assertThatThrownBy(() -> json("--shm-size", "1x", "busybox"))
        .hasMessage("invalid argument \"1x\" for \"--shm-size\" flag: invalid suffix: 'x'");
    assertThatThrownBy(() -> json("--shm-size", "-1", "busybox"))
        .hasMessage("invalid argument \"-1\" for \"--shm-size\" flag: invalid size: '-1'");
    assertThatThrownBy(() -> json("--shm-size", "1.5.3k", "busybox"))
        .hasMessage("invalid argument \"1.5.3k\" for \"--shm-size\" flag: strconv.ParseFloat: parsing \"1.5.3\": invalid syntax");
  }

  @Test
  void body_stopSignalAndTimeout_goToConfigOnlyWhenGiven() throws Exception {
    Object b = json("--stop-signal", "SIGINT", "--stop-timeout", "0x10", "busybox");
    assertThat(JsonValues.string(b, "StopSignal")).isEqualTo("SIGINT");
    assertThat(JsonValues.at(b, "StopTimeout")).isEqualTo(16L);
    assertThat(JsonValues.at(json("--stop-timeout", "0", "busybox"), "StopTimeout")).isEqualTo(0L);
    assertThat(map(json("busybox"))).doesNotContainKeys("StopSignal", "StopTimeout", "Healthcheck", "ExposedPorts");
    assertThatThrownBy(() -> json("--stop-timeout", "ten", "busybox")).isInstanceOf(UsageError.class)
        .hasMessage("invalid argument \"ten\" for \"--stop-timeout\" flag: strconv.ParseInt: parsing \"ten\": invalid syntax");
  }

  @Test
  void body_noHealthcheck_sendsTestNone() throws Exception {
    assertThat(JsonValues.at(json("--no-healthcheck", "busybox"), "Healthcheck")).isEqualTo(Map.of("Test", List.of("NONE")));
  }

  @Test
  void body_expose_listsEveryPortOfEachRangeWithItsProtocol() throws Exception {
    Object b = json("--expose", "80", "--expose", "7000-7002/udp", "--expose", "53/UDP", "--expose", "443/", "busybox");
    assertThat(map(JsonValues.at(b, "ExposedPorts")).keySet())
        .containsExactly("443/tcp", "53/UDP", "7000/udp", "7001/udp", "7002/udp", "80/tcp");
    assertThatThrownBy(() -> json("--expose", "1:2", "busybox")).isInstanceOf(ContainerOptions.Invalid.class)
        .hasMessage("invalid port format for --expose: 1:2");
    assertThatThrownBy(() -> json("--expose", "abc", "busybox"))
        .hasMessage("invalid range format for --expose: abc, error: strconv.ParseUint: parsing \"abc\": invalid syntax");
    assertThatThrownBy(() -> json("--expose", "80-70", "busybox"))
        .hasMessage("invalid range format for --expose: 80-70, error: invalid range specified for port: 80-70");
    assertThatThrownBy(() -> json("--expose", "70000", "busybox"))
        .hasMessage("invalid range format for --expose: 70000, error: strconv.ParseUint: parsing \"70000\": value out of range");
    assertThatThrownBy(() -> json("--expose", "/udp", "busybox"))
        .hasMessage("invalid range format for --expose: /udp, error: empty string specified for ports");
  }

  @Test
  void body_labelFile_readFirstThenLabelsOverride(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("labels");
    Files.writeString(f, "# comment\na=1\nbare\nb=from file\n");
    Object b = json("--label-file", f.toString(), "-l", "b=2", "-l", "c", "busybox");
    assertThat(JsonValues.at(b, "Labels")).isEqualTo(Map.of("a", "1", "b", "2", "c", ""));
    Path bad = dir.resolve("bad");
    Files.writeString(bad, "a b=1\n");
    assertThatThrownBy(() -> json("--label-file", bad.toString(), "busybox"))
        .hasMessage("invalid env file (" + bad + "): variable 'a b' contains whitespaces");
    assertThatThrownBy(() -> json("-l", "a b=1", "busybox")).isInstanceOf(UsageError.class)
        .hasMessage("invalid argument \"a b=1\" for \"-l, --label\" flag: label 'a b' contains whitespaces");
  }

  @Test
  void body_acceptedDefaults_areSentAsDockerSendsThem() throws Exception {
    Map<String, Object> h = hostConfig(json("--restart", "no", "--ipc", "private", "--cidfile", "/tmp/id", "busybox"));
    assertThat(h.get("RestartPolicy")).isEqualTo(Map.of("Name", "no", "MaximumRetryCount", 0L));
    assertThat(h.get("IpcMode")).isEqualTo("private");
    assertThat(h.get("ContainerIDFile")).isEqualTo("/tmp/id");
    assertThat(hostConfig(json("busybox"))).isEqualTo(Map.of("AutoRemove", false));
  }

  @Test
  void limits_goToHostConfig_asDockersFlagsParseThem() throws Exception {
    Map<String, Object> h = hostConfig(json("-m", "64m", "--memory-swap", "-1", "--cpus", "1.5", "--pids-limit", "10",
        "--cpuset-cpus", "0", "-c", "512", "--oom-score-adj", "-5", "--oom-kill-disable", "busybox"));
    assertThat(h).containsEntry("Memory", 64L << 20).containsEntry("MemorySwap", -1L)
        .containsEntry("NanoCpus", 1_500_000_000L).containsEntry("PidsLimit", 10L).containsEntry("CpusetCpus", "0")
        .containsEntry("CpuShares", 512L).containsEntry("OomScoreAdj", -5L).containsEntry("OomKillDisable", true);
    assertThatThrownBy(() -> ContainerFlags.check(parse("--cpus", "0.0000000001", "busybox")))
        .hasMessage("invalid argument \"0.0000000001\" for \"--cpus\" flag: value is too precise");
    assertThatThrownBy(() -> ContainerFlags.check(parse("--cpus", "one", "busybox")))
        .hasMessage("invalid argument \"one\" for \"--cpus\" flag: failed to parse one as a rational number");
  }
}
