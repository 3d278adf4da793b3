package io.berth.daemon.lifecycle;

import io.berth.common.error.InvalidParameterException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --security-opt}, as dockerd parses it: {@code no-new-privileges} and {@code seccomp} are
 * enforced; the create check refuses the others by name before they get here.
 */
final class SecurityOpts {
  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private SecurityOpts() {}

  /** The value an option gives no-new-privileges, empty for another option; Go's ParseBool decides. */
  static Optional<Boolean> noNewPrivileges(String opt) {
    if (opt.equals("no-new-privileges")) {
      return Optional.of(true);
    }
    if (!opt.startsWith("no-new-privileges=") && !opt.startsWith("no-new-privileges:")) {
      return Optional.empty();
    }
    String v = opt.substring("no-new-privileges=".length());
    if (TRUE.contains(v)) {
      return Optional.of(true);
    }
    if (FALSE.contains(v)) {
      return Optional.of(false);
    }
    throw new InvalidParameterException("invalid --security-opt 2: \"" + opt + "\"");
  }

  /**
   * The seccomp profile an option names: a JSON null for {@code unconfined}, the profile (Docker's
   * format) otherwise; empty without such an option. The last one wins, as in dockerd.
   */
  static Optional<com.fasterxml.jackson.databind.JsonNode> seccomp(List<String> opts) {
    Optional<com.fasterxml.jackson.databind.JsonNode> out = Optional.empty();
    for (String o : opts == null ? List.<String>of() : opts) {
      String v = o.startsWith("seccomp=") ? o.substring(8) : o.startsWith("seccomp:") ? o.substring(8) : null;
      if (v == null) {
        continue;
      }
      if (v.equals("unconfined")) {
        out = Optional.of(com.fasterxml.jackson.databind.node.NullNode.getInstance());
      } else {
        com.fasterxml.jackson.databind.JsonNode profile;
        try {
          profile = io.berth.common.json.Json.tree(v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
          throw new InvalidParameterException("Decoding seccomp profile failed: " + e.getMessage());
        }
        // what Berth does not pass to runc is refused, not dropped
        for (String unsupported : List.of("flags", "listenerPath", "listenerMetadata")) {
          var f = profile.path(unsupported);
          if (!f.isMissingNode() && !f.isNull() && !(f.isArray() && f.isEmpty()) && !(f.isTextual() && f.asText().isEmpty())) {
            throw new InvalidParameterException("berth does not support the seccomp profile's " + unsupported + " yet");
          }
        }
        out = Optional.of(profile);
      }
    }
    return out;
  }

  /** Checks every option at create, in dockerd's words. */
  static void validate(List<String> opts) {
    if (opts != null) {
      opts.forEach(SecurityOpts::noNewPrivileges);
      seccomp(opts);
    }
  }
}
