package io.berth.runtime.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seccomp profiles in Docker's format (the one {@code --security-opt seccomp=<file>} takes and
 * containers-common ships), turned into the OCI spec's {@code linux.seccomp} for one container:
 * the rules for this host's architecture, kernel and the container's capabilities.
 *
 * <p>The default is containers-common's profile, which Podman uses, made as strict as Docker's
 * default where Podman's is looser: namespaces, mounts, {@code setns}, {@code syslog} and the like
 * only with CAP_SYS_ADMIN, {@code clone} without namespace flags otherwise, {@code clone3} answered
 * ENOSYS so that libc falls back to {@code clone}, the kernel keyring never, {@code reboot} with
 * CAP_SYS_BOOT. Those rules are Berth's own, written from Docker's documented behaviour.
 */
public final class Seccomp {
  /** The profile containers-common installs (Debian's golang-github-containers-common). */
  public static final Path DEFAULT_PROFILE = Path.of("/usr/share/containers/seccomp.json");
  private static final Set<String> SYS_ADMIN_ONLY = Set.of("unshare", "mount", "umount", "umount2", "setns",
      "syslog", "sethostname", "setdomainname", "name_to_handle_at", "pivot_root", "clone", "clone3", "quotactl",
      "bpf", "fanotify_init", "lookup_dcookie", "perf_event_open");
  private static final Set<String> NEVER = Set.of("keyctl", "add_key", "request_key");
  private static final Set<String> SYS_BOOT_ONLY = Set.of("reboot");
  /** CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
  private static final long CLONE_NAMESPACES = 0x7E020000L;
  private static final int ENOSYS = 38;

  private Seccomp() {}

  /** Reads the default profile, made as strict as Docker's; fails when the file is missing. */
  public static JsonNode loadDefault(Path file) throws IOException {
    return dockerStrict(Json.tree(Files.readAllBytes(file)));
  }

  /** containers-common's profile with Docker's stricter rules in place of its looser ones. */
  static JsonNode dockerStrict(JsonNode profile) {
    ObjectNode p = profile.deepCopy();
    ArrayNode out = Json.mapper().createArrayNode();
    Set<String> moved = new java.util.HashSet<>();
    moved.addAll(SYS_ADMIN_ONLY);
    moved.addAll(NEVER);
    moved.addAll(SYS_BOOT_ONLY);
    for (JsonNode rule : p.path("syscalls")) {
      boolean allow = rule.path("action").asText().equals("SCMP_ACT_ALLOW");
      boolean unconditional = rule.path("includes").isEmpty() && rule.path("excludes").isEmpty();
      if (allow && unconditional) {
        ObjectNode r = rule.deepCopy();
        ArrayNode names = r.putArray("names");
        rule.path("names").forEach(n -> {
          if (!moved.contains(n.asText())) {
            names.add(n);
          }
        });
        if (!names.isEmpty()) {
          out.add(r);
        }
      } else {
        out.add(rule);
      }
    }
    out.add(rule(List.copyOf(new java.util.TreeSet<>(SYS_ADMIN_ONLY)), "SCMP_ACT_ALLOW", Set.of("CAP_SYS_ADMIN"),
        Set.of(), null));
    out.add(rule(List.copyOf(SYS_BOOT_ONLY), "SCMP_ACT_ALLOW", Set.of("CAP_SYS_BOOT"), Set.of(), null));
    // refused as Docker refuses them: EPERM, not the ENOSYS of calls the profile does not know
    List<String> adminOnly = new ArrayList<>(new java.util.TreeSet<>(SYS_ADMIN_ONLY));
    adminOnly.removeAll(List.of("clone", "clone3"));
    out.add(rule(adminOnly, "SCMP_ACT_ERRNO", Set.of(), Set.of("CAP_SYS_ADMIN"), 1));
    out.add(rule(List.copyOf(new java.util.TreeSet<>(NEVER)), "SCMP_ACT_ERRNO", Set.of(), Set.of(), 1));
    out.add(rule(List.copyOf(SYS_BOOT_ONLY), "SCMP_ACT_ERRNO", Set.of(), Set.of("CAP_SYS_BOOT"), 1));
    ObjectNode withoutNamespaces = rule(List.of("clone"), "SCMP_ACT_ALLOW", Set.of(), Set.of("CAP_SYS_ADMIN"), null);
    withoutNamespaces.putArray("args").addObject().put("index", 0).put("value", CLONE_NAMESPACES)
        .put("valueTwo", 0).put("op", "SCMP_CMP_MASKED_EQ");
    out.add(withoutNamespaces);
    out.add(rule(List.of("clone3"), "SCMP_ACT_ERRNO", Set.of(), Set.of("CAP_SYS_ADMIN"), ENOSYS));
    p.set("syscalls", out);
    return p;
  }

  private static ObjectNode rule(List<String> names, String action, Set<String> includeCaps, Set<String> excludeCaps,
      Integer errno) {
    ObjectNode r = Json.mapper().createObjectNode();
    ArrayNode n = r.putArray("names");
    names.forEach(n::add);
    r.put("action", action);
    if (errno != null) {
      r.put("errnoRet", errno);
    }
    ObjectNode inc = r.putObject("includes");
    if (!includeCaps.isEmpty()) {
      includeCaps.forEach(inc.putArray("caps")::add);
    }
    ObjectNode exc = r.putObject("excludes");
    if (!excludeCaps.isEmpty()) {
      excludeCaps.forEach(exc.putArray("caps")::add);
    }
    return r;
  }

  /**
   * The OCI {@code linux.seccomp} of {@code profile} for a container with {@code caps} on this
   * host: rules whose conditions (architectures, capabilities, a minimum kernel) hold, and the
   * architectures of the host's family.
   */
  public static Map<String, Object> toOci(JsonNode profile, Collection<String> caps, String goArch, String kernel) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("defaultAction", profile.path("defaultAction").asText("SCMP_ACT_ERRNO"));
    if (profile.has("defaultErrnoRet")) {
      out.put("defaultErrnoRet", profile.get("defaultErrnoRet").asInt());
    }
    String native_ = switch (goArch) {
      case "amd64" -> "SCMP_ARCH_X86_64";
      case "arm64" -> "SCMP_ARCH_AARCH64";
      default -> "SCMP_ARCH_" + goArch.toUpperCase(java.util.Locale.ROOT);
    };
    List<String> arches = new ArrayList<>();
    for (JsonNode m : profile.path("archMap")) {
      if (m.path("architecture").asText().equals(native_)) {
        arches.add(native_);
        m.path("subArchitectures").forEach(s -> arches.add(s.asText()));
      }
    }
    if (arches.isEmpty() && profile.has("architectures")) {
      profile.path("architectures").forEach(a -> arches.add(a.asText()));
    }
    if (!arches.isEmpty()) {
      out.put("architectures", arches);
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    for (JsonNode r : profile.path("syscalls")) {
      if (!applies(r.path("includes"), r.path("excludes"), caps, goArch, kernel)) {
        continue;
      }
      Map<String, Object> rule = new LinkedHashMap<>();
      List<String> names = new ArrayList<>();
      r.path("names").forEach(n -> names.add(n.asText()));
      if (names.isEmpty() && r.has("name")) {
        names.add(r.get("name").asText());
      }
      rule.put("names", names);
      rule.put("action", r.path("action").asText());
      if (r.has("errnoRet")) {
        rule.put("errnoRet", r.get("errnoRet").asInt());
      }
      List<Map<String, Object>> args = new ArrayList<>();
      for (JsonNode a : r.path("args")) {
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("index", a.path("index").asInt());
        arg.put("value", a.path("value").asLong());
        arg.put("valueTwo", a.path("valueTwo").asLong());
        arg.put("op", a.path("op").asText());
        args.add(arg);
      }
      if (!args.isEmpty()) {
        rule.put("args", args);
      }
      rules.add(rule);
    }
    out.put("syscalls", rules);
    return out;
  }

  private static boolean applies(JsonNode inc, JsonNode exc, Collection<String> caps, String arch, String kernel) {
    for (JsonNode c : inc.path("caps")) {
      if (!caps.contains(c.asText())) {
        return false;
      }
    }
    if (inc.path("arches").size() > 0 && !contains(inc.path("arches"), arch)) {
      return false;
    }
    if (inc.has("minKernel") && compare(kernel, inc.get("minKernel").asText()) < 0) {
      return false;
    }
    for (JsonNode c : exc.path("caps")) {
      if (caps.contains(c.asText())) {
        return false;
      }
    }
    return !contains(exc.path("arches"), arch);
  }

  private static boolean contains(JsonNode list, String v) {
    for (JsonNode x : list) {
      if (x.asText().equals(v)) {
        return true;
      }
    }
    return false;
  }

  /** Kernel versions by their numbers ({@code 6.18.44-fc} against {@code 4.8}). */
  static int compare(String a, String b) {
    String[] x = a.split("[^0-9]+");
    String[] y = b.split("[^0-9]+");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length && !x[i].isEmpty() ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length && !y[i].isEmpty() ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }
}
