package io.berth.registry.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.common.error.InvalidParameterException;
import java.util.Locale;

/** An OCI platform: {@code linux/amd64}, {@code linux/arm64/v8}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Platform(
    @JsonProperty("os") String os,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("variant") String variant) {

  /** The platform this daemon runs containers for. */
  public static Platform host() {
    return new Platform("linux", hostArchitecture(), null);
  }

  /** GOARCH names, as images use them. */
  public static String hostArchitecture() {
    return switch (System.getProperty("os.arch")) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      case "ppc64le" -> "ppc64le";
      case "s390x" -> "s390x";
      case String other -> other;
    };
  }

  /**
   * Parses {@code os[/arch[/variant]]} as containerd's platforms package does, normalising
   * {@code x86_64} to {@code amd64}, {@code aarch64} to {@code arm64} and arm64's default variant.
   */
  public static Platform parse(String spec) {
    String[] parts = spec.toLowerCase(Locale.ROOT).split("/", -1);
    if (parts.length > 3 || parts[0].isEmpty()) {
      throw new InvalidParameterException("\"" + spec + "\": unknown operating system or architecture: invalid argument");
    }
    String os = parts[0];
    String arch = parts.length > 1 ? normaliseArch(parts[1]) : hostArchitecture();
    String variant = parts.length > 2 ? parts[2] : null;
    if ("arm64".equals(arch) && "v8".equals(variant)) {
      variant = null;
    }
    return new Platform(os, arch, variant);
  }

  private static String normaliseArch(String a) {
    return switch (a) {
      case "x86_64", "x86-64" -> "amd64";
      case "aarch64" -> "arm64";
      case "i386" -> "386";
      default -> a;
    };
  }

  /** Whether an index entry for {@code other} can run here when this platform is asked for. */
  public boolean matches(Platform other) {
    if (other == null || !os.equals(other.os()) || !architecture.equals(other.architecture())) {
      return false;
    }
    String want = variant == null || variant.isEmpty() ? null : variant;
    String have = other.variant() == null || other.variant().isEmpty() ? null : other.variant();
    if ("arm64".equals(architecture) && "v8".equals(have)) {
      have = null;
    }
    return want == null || want.equals(have);
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
  }
}
