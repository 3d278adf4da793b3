package io.berth.api.server.create;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.server.create.CreateFields.Field;
import io.berth.api.server.create.CreateFields.Kind;
import io.berth.common.error.InvalidParameterException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a create body against {@link CreateFields} before it is decoded: a value of the wrong
 * JSON type gets Docker's decoding error, and a field Berth does not enforce, set to anything
 * but what clients send by default, is refused naming its option. Unknown fields are ignored,
 * as Docker's decoder ignores them.
 */
public final class CreateRequestCheck {
  private static final Set<String> RESTART_POLICIES = Set.of("", "no", "always", "on-failure", "unless-stopped");
  private static final long MIN_MEMORY = 6L << 20;
  private static final Set<String> NETWORK_KEYS = Set.of("default", "none", "host");

  private CreateRequestCheck() {}

  public static void check(JsonNode body) {
    String networkMode = "";
    for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.equalsIgnoreCase("HostConfig")) {
        JsonNode host = e.getValue();
        if (host != null && !host.isNull()) {
          if (!host.isObject()) {
            throw typeError("CreateRequest.HostConfig", host, "container.HostConfig");
          }
          checkSection(CreateFields.HOST, host);
          JsonNode mode = host.get("NetworkMode");
          networkMode = mode != null && mode.isTextual() ? mode.textValue() : "";
        }
      } else if (!name.equalsIgnoreCase("NetworkingConfig")) {
        checkField(CreateFields.CONFIG, name, e.getValue());
      }
    }
    checkNetworking(body.get("NetworkingConfig"), networkMode);
  }

  /** Docker's UpdateConfig: the resource fields of HostConfig and its restart policy. */
  private static final Set<String> UPDATE_FIELDS = Set.of("CpuShares", "Memory", "NanoCpus", "CgroupParent",
      "BlkioWeight", "BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
      "BlkioDeviceWriteIOps", "CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime", "CpusetCpus",
      "CpusetMems", "Devices", "DeviceCgroupRules", "DeviceRequests", "KernelMemory", "KernelMemoryTCP",
      "MemoryReservation", "MemorySwap", "MemorySwappiness", "OomKillDisable", "PidsLimit", "Ulimits", "CpuCount",
      "CpuPercent", "IOMaximumIOps", "IOMaximumBandwidth", "RestartPolicy");

  /**
   * {@code POST /containers/{id}/update}: the same table as create's HostConfig, for the fields an
   * update carries (others are not part of it, and Go's decoder passes over them).
   */
  public static void checkUpdate(JsonNode body) {
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      String name = e.getKey();
      if (UPDATE_FIELDS.stream().anyMatch(name::equalsIgnoreCase)) {
        checkField(CreateFields.HOST, name, e.getValue());
      }
    }
  }

  private static void checkSection(String section, JsonNode node) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      checkField(section, e.getKey(), e.getValue());
    }
  }

  private static void checkField(String section, String name, JsonNode value) {
    Field f = CreateFields.find(section, name);
    if (f == null) {
      return;
    }
    checkType(f, value);
    if (f.name().equals("RestartPolicy")) {
      checkRestartPolicy(value);
    }
    // Docker's own limit comes before Berth's refusal, so a bad value gets Docker's words
    if (f.name().equals("Memory") && value != null && value.asLong() != 0 && value.asLong() < MIN_MEMORY) {
      throw new InvalidParameterException("Minimum memory limit allowed is 6MB");
    }
    if (!f.enforced() && !f.accepted().test(value)) {
      throw unsupported(f.option(), f.path());
    }
  }

  static InvalidParameterException unsupported(String option, String field) {
    String named = option.equals(field) ? option : option + " (" + field + ")";
    return new InvalidParameterException("berth does not support " + named + " yet");
  }

  /** Docker's words for a policy it does not know; known ones other than "no" are refused after. */
  private static void checkRestartPolicy(JsonNode policy) {
    if (policy == null || !policy.isObject()) {
      return;
    }
    JsonNode name = policy.get("Name");
    String n = name == null || name.isNull() ? "" : name.asText();
    if (!RESTART_POLICIES.contains(n)) {
      throw new InvalidParameterException("invalid restart policy: unknown policy '" + n
          + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    }
    JsonNode max = policy.get("MaximumRetryCount");
    long retries = max == null ? 0 : max.asLong();
    if (n.equals("on-failure")) {
      if (retries < 0) {
        throw new InvalidParameterException("invalid restart policy: maximum retry count cannot be negative");
      }
    } else if (retries != 0) {
      throw new InvalidParameterException("invalid restart policy: maximum retry count can only be used with"
          + " 'on-failure'" + (retries < 0 ? " and cannot be negative" : ""));
    }
  }

  private static void checkNetworking(JsonNode networking, String networkMode) {
    if (networking == null || networking.isNull()) {
      return;
    }
    if (!networking.isObject()) {
      throw typeError("CreateRequest.NetworkingConfig", networking, "network.NetworkingConfig");
    }
    JsonNode endpoints = null;
    for (Map.Entry<String, JsonNode> e : networking.properties()) {
      if (e.getKey().equalsIgnoreCase("EndpointsConfig")) {
        endpoints = e.getValue();
      }
    }
    if (endpoints == null || endpoints.isNull()) {
      return;
    }
    if (!endpoints.isObject()) {
      throw typeError("NetworkingConfig.NetworkingConfig.EndpointsConfig", endpoints,
          "map[string]*network.EndpointSettings");
    }
    if (endpoints.size() > 1) {
      throw new InvalidParameterException("berth does not support connecting a container to several networks yet");
    }
    for (Map.Entry<String, JsonNode> e : endpoints.properties()) {
      String net = e.getKey();
      if (!NETWORK_KEYS.contains(net) && !net.equals(networkMode)) {
        throw new InvalidParameterException("berth does not support network \"" + net + "\" yet");
      }
      JsonNode settings = e.getValue();
      if (settings == null || settings.isNull()) {
        continue;
      }
      if (!settings.isObject()) {
        throw typeError("NetworkingConfig.NetworkingConfig.EndpointsConfig", settings,
            "network.EndpointSettings");
      }
      for (Map.Entry<String, JsonNode> s : settings.properties()) {
        String option = CreateFields.ENDPOINT_OPTIONS.get(s.getKey());
        if (option != null && !CreateFields.blank(s.getValue())) {
          throw unsupported(option, "NetworkingConfig.EndpointsConfig." + net + "." + s.getKey());
        }
      }
    }
  }

  private static void checkType(Field f, JsonNode v) {
    if (v == null || v.isNull()) {
      return;
    }
    String path = f.goPath();
    switch (f.kind()) {
      case STRING -> require(v.isTextual(), path, v, "string");
      case BOOL -> require(v.isBoolean(), path, v, "bool");
      case INT -> require(v.isIntegralNumber(), path, v, "int64");
      case STR_SLICE -> {
        if (!v.isTextual()) {
          require(v.isArray(), path, v, "string");
          elements(v, path, "string");
        }
      }
      case STR_LIST -> {
        require(v.isArray(), path, v, Kind.STR_LIST.goType);
        elements(v, path, "string");
      }
      case STR_MAP -> {
        require(v.isObject(), path, v, Kind.STR_MAP.goType);
        elements(v, path, "string");
      }
      case SET -> {
        require(v.isObject(), path, v, Kind.SET.goType);
        for (JsonNode x : v) {
          require(x.isNull() || x.isObject() || x.isArray(), path, x, "struct {}");
        }
      }
      case OBJECT -> require(v.isObject(), path, v, "container." + f.name());
      case LIST -> require(v.isArray(), path, v, "[]" + f.name());
      case INT_PAIR -> {
        require(v.isArray(), path, v, Kind.INT_PAIR.goType);
        for (JsonNode x : v) {
          require(x.isNull() || (x.isIntegralNumber() && x.asLong() >= 0), path, x, "uint");
        }
      }
    }
  }

  private static void elements(JsonNode v, String path, String goType) {
    for (JsonNode x : v) {
      require(x.isNull() || x.isTextual(), path, x, goType);
    }
  }

  private static void require(boolean ok, String path, JsonNode v, String goType) {
    if (!ok) {
      throw typeError(path, v, goType);
    }
  }

  /** Go's encoding/json words, as dockerd returns them for a body it cannot decode. */
  private static InvalidParameterException typeError(String path, JsonNode v, String goType) {
    String kind = v.isTextual() ? "string" : v.isBoolean() ? "bool" : v.isArray() ? "array"
        : v.isObject() ? "object" : v.isIntegralNumber() ? "number" : "number " + v.asText();
    return new InvalidParameterException("invalid JSON: json: cannot unmarshal " + kind
        + " into Go struct field " + path + " of type " + goType);
  }
}
