package io.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** OCI runtime-spec {@code config.json} (1.0.2, what runc 1.1 speaks): the fields Berth sets. */
public record Spec(
    @JsonProperty("ociVersion") String ociVersion,
    @JsonProperty("process") Process process,
    @JsonProperty("root") Root root,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("mounts") List<Mount> mounts,
    @JsonProperty("linux") Linux linux,
    @JsonProperty("annotations") Map<String, String> annotations) {

  public record Process(
      @JsonProperty("terminal") boolean terminal,
      @JsonProperty("user") User user,
      @JsonProperty("args") List<String> args,
      @JsonProperty("env") List<String> env,
      @JsonProperty("cwd") String cwd,
      @JsonProperty("capabilities") Capabilities capabilities,
      @JsonProperty("rlimits") List<Rlimit> rlimits,
      @JsonProperty("noNewPrivileges") boolean noNewPrivileges,
      @JsonProperty("oomScoreAdj") Integer oomScoreAdj,
      @JsonProperty("consoleSize") Box consoleSize) {}

  /** A terminal's size, rows then columns. */
  public record Box(@JsonProperty("height") int height, @JsonProperty("width") int width) {}

  public record User(
      @JsonProperty("uid") long uid,
      @JsonProperty("gid") long gid,
      @JsonProperty("additionalGids") List<Long> additionalGids) {}

  public record Capabilities(
      @JsonProperty("bounding") List<String> bounding,
      @JsonProperty("effective") List<String> effective,
      @JsonProperty("permitted") List<String> permitted,
      @JsonProperty("inheritable") List<String> inheritable) {}

  /** An rlimit; -1 is unlimited, written as the kernel's RLIM_INFINITY (an unsigned 64-bit all-ones). */
  public record Rlimit(
      @JsonProperty("type") String type,
      @JsonProperty("hard") @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = Unsigned.class) long hard,
      @JsonProperty("soft") @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = Unsigned.class) long soft) {}

  /** A long written as unsigned, as the OCI spec's uint64 fields are read. */
  public static final class Unsigned extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Long> {
    public Unsigned() {
      super(Long.class);
    }

    @Override
    public void serialize(Long v, com.fasterxml.jackson.core.JsonGenerator g,
        com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException {
      g.writeNumber(new java.math.BigInteger(Long.toUnsignedString(v)));
    }
  }

  public record Root(@JsonProperty("path") String path, @JsonProperty("readonly") boolean readonly) {}

  public record Mount(
      @JsonProperty("destination") String destination,
      @JsonProperty("type") String type,
      @JsonProperty("source") String source,
      @JsonProperty("options") List<String> options) {}

  public record Linux(
      @JsonProperty("namespaces") List<Namespace> namespaces,
      @JsonProperty("resources") Resources resources,
      @JsonProperty("cgroupsPath") String cgroupsPath,
      @JsonProperty("maskedPaths") List<String> maskedPaths,
      @JsonProperty("readonlyPaths") List<String> readonlyPaths,
      @JsonProperty("sysctl") Map<String, String> sysctl,
      @JsonProperty("rootfsPropagation") String rootfsPropagation,
      @JsonProperty("seccomp") Map<String, Object> seccomp,
      @JsonProperty("devices") List<Device> devices) {}

  /** A device node runc makes in the container ({@code --device}). */
  public record Device(
      @JsonProperty("path") String path,
      @JsonProperty("type") String type,
      @JsonProperty("major") long major,
      @JsonProperty("minor") long minor,
      @JsonProperty("fileMode") int fileMode,
      @JsonProperty("uid") long uid,
      @JsonProperty("gid") long gid) {}

  public record Namespace(@JsonProperty("type") String type, @JsonProperty("path") String path) {}

  public record Resources(
      @JsonProperty("devices") List<DeviceRule> devices,
      @JsonProperty("memory") Map<String, Object> memory,
      @JsonProperty("cpu") Map<String, Object> cpu,
      @JsonProperty("pids") Map<String, Object> pids) {}

  public record DeviceRule(
      @JsonProperty("allow") boolean allow,
      @JsonProperty("type") String type,
      @JsonProperty("major") Long major,
      @JsonProperty("minor") Long minor,
      @JsonProperty("access") String access) {}
}
