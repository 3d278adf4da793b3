package io.berth.daemon.lifecycle;

import io.berth.common.error.InvalidParameterException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --security-opt}, as dockerd parses it. Only {@code no-new-privileges} is enforced so
 * far; the create check refuses the others by name before they get here.
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

  /** Checks every option at create, in dockerd's words. */
  static void validate(List<String> opts) {
    if (opts != null) {
      opts.forEach(SecurityOpts::noNewPrivileges);
    }
  }
}
