package io.berth.image.config;

import io.berth.common.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The config being edited by a sequence of change instructions. */
final class MutableConfig {
  String user;
  Map<String, Object> exposedPorts;
  List<String> env;
  List<String> cmd;
  HealthConfig healthcheck;
  List<String> entrypoint;
  Map<String, Object> volumes;
  String workingDir;
  Map<String, String> labels;
  String stopSignal;
  List<String> onBuild;

  /** Whether a CMD was given in this batch; ENTRYPOINT clears an inherited CMD otherwise. */
  boolean cmdSet;

  MutableConfig(ImageConfig c) {
    user = c.user();
    exposedPorts = c.exposedPorts() == null ? null : new TreeMap<>(c.exposedPorts());
    env = c.env() == null ? null : new ArrayList<>(c.env());
    cmd = c.cmd();
    healthcheck = c.healthcheck();
    entrypoint = c.entrypoint();
    volumes = c.volumes() == null ? null : new TreeMap<>(c.volumes());
    workingDir = c.workingDir();
    labels = c.labels() == null ? null : new TreeMap<>(c.labels());
    stopSignal = c.stopSignal();
    onBuild = c.onBuild() == null ? null : new ArrayList<>(c.onBuild());
  }

  ImageConfig build() {
    return new ImageConfig(
        user,
        exposedPorts,
        env,
        cmd,
        healthcheck,
        entrypoint,
        volumes,
        workingDir,
        labels,
        stopSignal,
        onBuild);
  }

  /** The environment as a map, for variable substitution; later entries win. */
  Map<String, String> envMap() {
    Map<String, String> m = new LinkedHashMap<>();
    if (env != null) {
      for (String kv : env) {
        int eq = kv.indexOf('=');
        m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
      }
    }
    return m;
  }

  void setEnv(String key, String value) {
    if (env == null) {
      env = new ArrayList<>();
    }
    String entry = key + "=" + value;
    for (int i = 0; i < env.size(); i++) {
      String kv = env.get(i);
      if (kv.equals(key) || kv.startsWith(key + "=")) {
        env.set(i, entry);
        return;
      }
    }
    env.add(entry);
  }

  void putLabel(String key, String value) {
    if (labels == null) {
      labels = new TreeMap<>();
    }
    labels.put(key, value);
  }

  void addVolume(String path) {
    if (volumes == null) {
      volumes = new TreeMap<>();
    }
    volumes.put(path, ImageConfig.emptyObject());
  }

  void addOnBuild(String trigger) {
    if (onBuild == null) {
      onBuild = new ArrayList<>();
    }
    onBuild.add(trigger);
  }

  /** EXPOSE {@code 80}, {@code 80/udp}, {@code 8000-8002/tcp}. */
  void expose(String spec) {
    String port = spec;
    String proto = "tcp";
    int slash = spec.indexOf('/');
    if (slash >= 0) {
      port = spec.substring(0, slash);
      proto = spec.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
    }
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      throw new InvalidParameterException("invalid proto: " + proto);
    }
    int dash = port.indexOf('-');
    int start = parsePort(dash < 0 ? port : port.substring(0, dash), spec);
    int end = dash < 0 ? start : parsePort(port.substring(dash + 1), spec);
    if (end < start) {
      throw new InvalidParameterException("invalid range specified for port: " + spec);
    }
    if (exposedPorts == null) {
      exposedPorts = new TreeMap<>();
    }
    for (int p = start; p <= end; p++) {
      exposedPorts.put(p + "/" + proto, ImageConfig.emptyObject());
    }
  }

  private static int parsePort(String s, String spec) {
    try {
      int p = Integer.parseInt(s);
      if (p >= 0 && p <= 65535 && !s.startsWith("+")) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole specification
    }
    throw new InvalidParameterException("invalid containerPort: " + spec);
  }

  /** WORKDIR: relative paths extend the current one, and the result is cleaned like Go's. */
  void workdir(String requested) {
    if (requested.isEmpty()) {
      throw new InvalidParameterException("cannot normalize nothing");
    }
    String joined =
        requested.startsWith("/")
            ? requested
            : "/" + (workingDir == null ? "" : workingDir) + "/" + requested;
    workingDir = cleanPath(joined);
  }

  static String cleanPath(String absolute) {
    List<String> out = new ArrayList<>();
    for (String part : absolute.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty()) {
          out.removeLast();
        }
      } else {
        out.add(part);
      }
    }
    return "/" + String.join("/", out);
  }
}
