package io.berth.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SeccompTest {
  /** Docker's default capabilities. */
  private static final List<String> DEFAULT_CAPS = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
      "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
      "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
  /** Calls Docker's default profile denies a container with the default capabilities. */
  private static final List<String> DENIED = List.of("unshare", "mount", "umount2", "setns", "pivot_root", "keyctl",
      "add_key", "request_key", "kexec_load", "kexec_file_load", "open_by_handle_at", "swapon", "swapoff", "reboot",
      "init_module", "finit_module", "delete_module", "bpf", "perf_event_open", "userfaultfd", "acct",
      "settimeofday", "iopl", "ioperm", "syslog", "quotactl", "name_to_handle_at", "sethostname", "clone3");

  private static JsonNode profile() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(Seccomp.DEFAULT_PROFILE) || "true".equals(System.getenv("CI")),
        "containers-common's profile");
    return Seccomp.loadDefault(Seccomp.DEFAULT_PROFILE);
  }

  @SuppressWarnings("unchecked")
  private static List<String> allowed(Map<String, Object> oci, boolean withArgsToo) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : (List<Map<String, Object>>) oci.get("syscalls")) {
      if (r.get("action").equals("SCMP_ACT_ALLOW") && (withArgsToo || !r.containsKey("args"))) {
        out.addAll((List<String>) r.get("names"));
      }
    }
    return out;
  }

  @Test
  void default_deniesWhatDockersDenies_withDefaultCapabilities() throws Exception {
    Map<String, Object> oci = Seccomp.toOci(profile(), DEFAULT_CAPS, "amd64", "6.1.0");
    assertThat(oci.get("defaultAction")).isEqualTo("SCMP_ACT_ERRNO");
    assertThat((List<String>) oci.get("architectures")).contains("SCMP_ARCH_X86_64", "SCMP_ARCH_X86");
    List<String> allowed = allowed(oci, false);
    assertThat(allowed).contains("read", "write", "execve", "arch_prctl", "chroot").doesNotContainAnyElementsOf(DENIED);
    // clone only without namespace flags
    assertThat(allowed).doesNotContain("clone");
    assertThat(allowed(oci, true)).contains("clone");
  }

  @Test
  void capabilities_openWhatTheyGuard() throws Exception {
    List<String> caps = new ArrayList<>(DEFAULT_CAPS);
    caps.add("CAP_SYS_ADMIN");
    caps.add("CAP_SYS_BOOT");
    List<String> allowed = allowed(Seccomp.toOci(profile(), caps, "amd64", "6.1.0"), false);
    assertThat(allowed).contains("unshare", "mount", "setns", "clone", "clone3", "reboot", "bpf");
    assertThat(allowed).doesNotContain("keyctl", "add_key", "request_key");
  }

  @Test
  void conditions_archAndKernel() {
    JsonNode p = Json.tree(("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":["
        + "{\"names\":[\"a\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"arches\":[\"arm64\"]}},"
        + "{\"names\":[\"b\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"minKernel\":\"9.0\"}},"
        + "{\"names\":[\"c\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"minKernel\":\"4.8\"}}]}").getBytes());
    assertThat(allowed(Seccomp.toOci(p, List.of(), "amd64", "6.18.44-fc"), false)).containsExactly("c");
    assertThat(Seccomp.compare("6.18.44-fc-v1300", "4.8")).isPositive();
  }
}
