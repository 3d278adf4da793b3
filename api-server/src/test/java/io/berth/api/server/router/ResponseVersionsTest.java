package io.berth.api.server.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.ContainerInspect;
import io.berth.api.model.container.ContainerSummary;
import io.berth.api.model.container.HostConfig;
import io.berth.api.model.container.WaitResponse;
import io.berth.api.model.image.Descriptor;
import io.berth.api.model.image.ImageInspect;
import io.berth.api.model.image.ImageSummary;
import io.berth.api.server.FakeHttpRequest;
import io.berth.api.server.FakeHttpResponse;
import io.berth.api.server.FakeSystemBackend;
import io.berth.api.server.TestApi;
import io.berth.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each endpoint's body in the shape of the request's API version, as dockerd 28 answers: the
 * clients Berth meets speak 1.32 (docker-java's fallback), 1.41 (Debian's python3-docker), 1.44
 * (docker-java), 1.50 (docker CLI 28.2), 1.51 (docker-py 7) and no version at all (docker-java's
 * default, the newest).
 */
class ResponseVersionsTest {
  private static final String DIGEST = "sha256:" + "d".repeat(64);
  private static final Descriptor MANIFEST = new Descriptor(
      "application/vnd.oci.image.manifest.v1+json", DIGEST, 1234, null, null, null, null, null);

  private final TestApi api = new TestApi();

  /** {@code unversioned} stands for a path without {@code /vX.Y}. */
  private JsonNode get(String version, String path) {
    FakeHttpResponse r = api.call(FakeHttpRequest.get(prefix(version) + path));
    assertThat(r.status()).as(r.bodyString()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.bodyString()).endsWith("\n");
    return r.json();
  }

  private static String prefix(String version) {
    return version.equals("unversioned") ? "" : "/v" + version;
  }

  private static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  // ---- GET /containers/json ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1.32, false, false",
      "1.41, false, false",
      "1.44, false, false",
      "1.45, false, false",
      "1.46, true, false",
      "1.47, true, false",
      "1.48, true, true",
      "1.50, true, true",
      "1.51, true, true",
      "unversioned, true, true"})
  void containerList_fieldsFollowVersion(String version, boolean annotations, boolean manifest) {
    api.containers.summaries = List.of(new ContainerSummary("c1", List.of("/web"), "busybox",
        "sha256:" + "e".repeat(64), "sh", 1_700_000_000L, List.of(), Map.of(), "running",
        "Up 2 seconds", new ContainerSummary.SummaryHostConfig("none", Map.of("com.example", "1")),
        new ContainerSummary.SummaryNetworkSettings(Map.of()), List.of(), null, null, MANIFEST));

    JsonNode row = get(version, "/containers/json").get(0);

    assertThat(row.get("Id").asText()).isEqualTo("c1");
    assertThat(row.get("HostConfig").get("NetworkMode").asText()).isEqualTo("none");
    assertThat(row.get("HostConfig").has("Annotations")).isEqualTo(annotations);
    assertThat(row.has("ImageManifestDescriptor")).isEqualTo(manifest);
    if (manifest) {
      assertThat(row.get("ImageManifestDescriptor").get("digest").asText()).isEqualTo(DIGEST);
    }
    assertThat(row.has("SizeRw")).isFalse();
  }

  @Test
  void containerList_withoutAnnotations_leavesThemOutAtEveryVersion() {
    api.containers.summaries = List.of(new ContainerSummary("c1", List.of("/web"), "busybox", "",
        "sh", 1, List.of(), Map.of(), "created", "Created",
        new ContainerSummary.SummaryHostConfig("none", Map.of()),
        new ContainerSummary.SummaryNetworkSettings(Map.of()), List.of(), null, null));

    JsonNode row = get("1.51", "/containers/json").get(0);

    assertThat(keys(row.get("HostConfig"))).containsExactly("NetworkMode");
    assertThat(row.has("ImageManifestDescriptor")).isFalse();
  }

  // ---- GET /containers/{id}/json ----

  private static ContainerInspect inspect(Descriptor manifest) {
    HostConfig host = Json.parse(("{\"LogConfig\":{\"Type\":\"k8s-file\",\"Config\":{}},"
        + "\"NetworkMode\":\"none\"}").getBytes(StandardCharsets.UTF_8), HostConfig.class);
    return new ContainerInspect("c1", "2026-01-01T00:00:00.000000000Z", "sh", List.of(),
        new ContainerInspect.State("exited", false, false, false, false, false, 0, 0, "",
            "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        "sha256:" + "e".repeat(64), "", "", "", "", "/web", 0, "overlay", "linux", "", "", "", null,
        host, new ContainerInspect.GraphDriver("overlay", Map.of()), List.of(),
        ContainerConfig.empty(), new ContainerInspect.NetworkSettings("", "", "", Map.of(), Map.of()),
        manifest);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1.32, false",
      "1.41, false",
      "1.44, false",
      "1.45, false",
      "1.47, false",
      "1.48, true",
      "1.50, true",
      "1.51, true",
      "unversioned, true"})
  void containerInspect_fieldsFollowVersion(String version, boolean manifest) {
    api.containers.inspected = inspect(MANIFEST);

    JsonNode c = get(version, "/containers/web/json");

    assertThat(c.get("Id").asText()).isEqualTo("c1");
    assertThat(c.has("ImageManifestDescriptor")).isEqualTo(manifest);
    // docker-py reads it unconditionally
    assertThat(c.get("HostConfig").get("LogConfig").get("Type").asText()).isEqualTo("k8s-file");
    assertThat(c.get("ExecIDs").isNull()).isTrue();
    assertThat(c.get("Config").get("Cmd").isNull()).isTrue();
  }

  // ---- POST /containers/{id}/wait ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.29", "1.32", "1.41", "1.44", "1.45", "1.50", "1.51", "unversioned"})
  void containerWait_noError_hasOnlyStatusCode(String version) {
    api.containers.waiter = () -> new WaitResponse(137, null);

    FakeHttpResponse r = api.call(FakeHttpRequest.post(prefix(version) + "/containers/web/wait"));

    assertThat(r.bodyString()).isEqualTo("{\"StatusCode\":137}\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.34", "1.41", "1.44", "1.45", "1.50", "1.51", "unversioned"})
  void containerWait_error_hasMessage(String version) {
    api.containers.waiter = () -> new WaitResponse(0, new WaitResponse.WaitError("cannot remove"));

    FakeHttpResponse r = api.call(
        FakeHttpRequest.post(prefix(version) + "/containers/web/wait?condition=removed"));

    assertThat(r.bodyString())
        .isEqualTo("{\"Error\":{\"Message\":\"cannot remove\"},\"StatusCode\":0}\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.30", "1.32", "1.33"})
  void containerWait_removalFailedBeforeApi134_isEmptyBody(String version) {
    api.containers.waiter = () -> new WaitResponse(0, new WaitResponse.WaitError("cannot remove"));

    FakeHttpResponse r = api.call(
        FakeHttpRequest.post("/v" + version + "/containers/web/wait?condition=removed"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyString()).isEmpty();
    assertThat(r.finished()).isTrue();
  }

  @Test
  void containerWait_otherFailureBeforeApi134_keepsItsBody() {
    api.containers.waiter = () -> new WaitResponse(0, new WaitResponse.WaitError("gone"));

    FakeHttpResponse r = api.call(FakeHttpRequest.post("/v1.32/containers/web/wait"));

    assertThat(r.bodyString()).isEqualTo("{\"Error\":{\"Message\":\"gone\"},\"StatusCode\":0}\n");
  }

  @Test
  void containerWait_beforeApi130_sendsNothingUntilTheWaitEnds() {
    FakeHttpResponse resp = new FakeHttpResponse();
    boolean[] committedWhileWaiting = {true};
    api.containers.waiter = () -> {
      committedWhileWaiting[0] = resp.committed();
      return new WaitResponse(0, null);
    };

    api.call(FakeHttpRequest.post("/v1.29/containers/web/wait"), resp);

    assertThat(committedWhileWaiting[0]).isFalse();
    assertThat(resp.status()).isEqualTo(200);
    assertThat(resp.header("Content-Type")).isEqualTo("application/json");
    assertThat(resp.bodyString()).isEqualTo("{\"StatusCode\":0}\n");
  }

  // ---- GET /images/json ----

  private static ImageSummary untagged() {
    return new ImageSummary("sha256:" + "a".repeat(64), "", List.of(), List.of(), 1_700_000_000L,
        42, -1, Map.of(), 2, MANIFEST);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1.32, true, true, false, -1",
      "1.41, true, true, false, -1",
      "1.42, true, true, false, -1",
      "1.43, false, true, false, -1",
      "1.44, false, false, false, -1",
      "1.45, false, false, false, -1",
      "1.47, false, false, false, -1",
      "1.48, false, false, true, -1",
      "1.50, false, false, true, -1",
      "1.51, false, false, true, 2",
      "unversioned, false, false, true, 2"})
  void imageList_fieldsFollowVersion(String version, boolean none, boolean virtualSize,
      boolean descriptor, long containers) {
    api.images.summaries = List.of(untagged());

    JsonNode row = get(version, "/images/json").get(0);

    assertThat(row.get("Size").asLong()).isEqualTo(42);
    assertThat(row.get("SharedSize").asLong()).isEqualTo(-1);
    assertThat(row.has("VirtualSize")).isEqualTo(virtualSize);
    if (virtualSize) {
      assertThat(row.get("VirtualSize").asLong()).isEqualTo(42);
    }
    assertThat(row.has("Descriptor")).isEqualTo(descriptor);
    assertThat(row.get("Containers").asLong()).isEqualTo(containers);
    if (none) {
      assertThat(row.get("RepoTags").toString()).isEqualTo("[\"<none>:<none>\"]");
      assertThat(row.get("RepoDigests").toString()).isEqualTo("[\"<none>@<none>\"]");
    } else {
      assertThat(row.get("RepoTags").toString()).isEqualTo("[]");
      assertThat(row.get("RepoDigests").toString()).isEqualTo("[]");
    }
    assertThat(row.get("Labels").isObject()).isTrue();
  }

  @Test
  void imageList_taggedImageBeforeApi143_keepsItsTagsAndNoDigestPlaceholder() {
    api.images.summaries = List.of(new ImageSummary("sha256:a", "", List.of("busybox:latest"),
        List.of(), 1, 42, -1, Map.of(), 0, null));

    JsonNode row = get("1.41", "/images/json").get(0);

    assertThat(row.get("RepoTags").toString()).isEqualTo("[\"busybox:latest\"]");
    assertThat(row.get("RepoDigests").toString()).isEqualTo("[]");
  }

  // ---- GET /images/{name}/json ----

  private static ImageInspect imageInspect(String created) {
    return new ImageInspect("sha256:" + "a".repeat(64), List.of("busybox:latest"), null, "", "",
        created, "4f5a0b", ContainerConfig.empty(), "", "",
        new ImageInspect.Config(null, null, List.of("PATH=/bin"), null, List.of("sh"), null, null,
            null, null, null, null, null),
        "amd64", null, "linux", null, 42, new ImageInspect.GraphDriver("overlay2", Map.of()),
        new ImageInspect.RootFs("layers", List.of(DIGEST)),
        Map.of("LastTagTime", "0001-01-01T00:00:00Z"), MANIFEST);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1.32, true, true, false, true",
      "1.41, true, true, false, true",
      "1.43, true, true, false, true",
      "1.44, false, true, false, true",
      "1.45, false, false, false, true",
      "1.47, false, false, false, true",
      "1.48, false, false, true, true",
      "1.49, false, false, true, true",
      "1.50, false, false, true, false",
      "1.51, false, false, true, false",
      "unversioned, false, false, true, false"})
  void imageInspect_fieldsFollowVersion(String version, boolean virtualSize, boolean container,
      boolean descriptor, boolean legacyConfig) {
    api.images.inspected = imageInspect("2026-01-01T00:00:00Z");

    JsonNode i = get(version, "/images/busybox/json");

    assertThat(i.get("Created").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(i.get("RepoDigests").toString()).isEqualTo("[]");
    assertThat(i.has("VirtualSize")).isEqualTo(virtualSize);
    assertThat(i.has("Container")).isEqualTo(container);
    assertThat(i.has("ContainerConfig")).isEqualTo(container);
    if (container) {
      assertThat(i.get("Container").asText()).isEqualTo("4f5a0b");
      // dockerd's graph-driver store: a zero container config, every non-omitempty key present
      assertThat(keys(i.get("ContainerConfig"))).containsExactlyInAnyOrder("AttachStderr",
          "AttachStdin", "AttachStdout", "Cmd", "Domainname", "Entrypoint", "Env", "Hostname",
          "Image", "Labels", "OnBuild", "OpenStdin", "StdinOnce", "Tty", "User", "Volumes",
          "WorkingDir");
    }
    assertThat(i.has("Descriptor")).isEqualTo(descriptor);
    List<String> always = List.of("Cmd", "Entrypoint", "Env", "Labels", "OnBuild", "User",
        "Volumes", "WorkingDir");
    List<String> legacy = List.of("AttachStderr", "AttachStdin", "AttachStdout", "Domainname",
        "Hostname", "Image", "OpenStdin", "StdinOnce", "Tty");
    List<String> expected = new ArrayList<>(always);
    if (legacyConfig) {
      expected.addAll(legacy);
    }
    JsonNode config = i.get("Config");
    assertThat(keys(config)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(config.get("Cmd").toString()).isEqualTo("[\"sh\"]");
    assertThat(config.get("Entrypoint").isNull()).isTrue();
    assertThat(config.get("User").asText()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.32, true", "1.41, true", "1.43, true", "1.44, false", "1.45, false",
      "1.50, false", "1.51, false", "unversioned, false"})
  void imageInspect_noCreationTime_isGoZeroTimeOnlyBeforeApi144(String version, boolean zero) {
    api.images.inspected = imageInspect(null);

    JsonNode i = get(version, "/images/busybox/json");

    assertThat(i.has("Created")).isEqualTo(zero);
    if (zero) {
      assertThat(i.get("Created").asText()).isEqualTo("0001-01-01T00:00:00Z");
    }
  }

  // ---- GET /version ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.12", "1.32", "1.41", "1.44", "1.45", "1.50", "1.51", "unversioned"})
  void version_isTheSameForEveryVersion(String version) {
    JsonNode v = get(version, "/version");

    assertThat(v.get("ApiVersion").asText()).isEqualTo("1.51");
    assertThat(v.get("MinAPIVersion").asText()).isEqualTo("1.12");
    assertThat(v.get("KernelVersion").asText()).isEqualTo("6.1.0");
    // empty omitempty fields stay out, as dockerd's do
    assertThat(v.has("BuildTime")).isFalse();
    assertThat(v.has("Experimental")).isFalse();
  }

  // ---- GET /info ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1.24, false, false, true, true, true",
      "1.25, true, false, true, true, true",
      "1.32, true, false, true, true, true",
      "1.41, true, false, true, true, true",
      "1.44, true, true, true, true, true",
      "1.45, true, true, true, true, true",
      "1.46, true, true, true, true, true",
      "1.47, true, true, false, true, true",
      "1.48, true, true, false, true, true",
      "1.49, true, true, false, false, true",
      "1.50, true, true, false, false, false",
      "1.51, true, true, false, false, false",
      "unversioned, true, true, false, false, false"})
  void info_fieldsFollowVersion(String version, boolean fullSecurityOptions, boolean status,
      boolean nondistributable, boolean expectedCommit, boolean bridgeNf) {
    JsonNode i = get(version, "/info");

    assertThat(i.get("ID").asText()).isEqualTo("ID");
    assertThat(i.get("SecurityOptions").toString()).isEqualTo(fullSecurityOptions
        ? "[\"name=seccomp,profile=builtin\",\"name=cgroupns\"]" : "[\"seccomp\",\"cgroupns\"]");
    JsonNode runc = i.get("Runtimes").get("runc");
    assertThat(runc.get("path").asText()).isEqualTo("runc");
    assertThat(runc.has("status")).isEqualTo(status);
    JsonNode registry = i.get("RegistryConfig");
    assertThat(registry.get("InsecureRegistryCIDRs").toString()).isEqualTo("[\"127.0.0.0/8\"]");
    for (String k : List.of("AllowNondistributableArtifactsCIDRs",
        "AllowNondistributableArtifactsHostnames")) {
      assertThat(registry.has(k)).as(k).isEqualTo(nondistributable);
      if (nondistributable) {
        assertThat(registry.get(k).isNull()).as(k).isTrue();
      }
    }
    assertThat(i.get("RuncCommit").get("ID").asText()).isEqualTo("v1.2.5");
    assertThat(i.get("RuncCommit").has("Expected")).isEqualTo(expectedCommit);
    if (expectedCommit) {
      assertThat(i.get("RuncCommit").get("Expected").asText()).isEqualTo("v1.2.5");
      assertThat(i.get("ContainerdCommit").get("Expected").asText()).isEqualTo("N/A");
    }
    assertThat(i.has("BridgeNfIptables")).isEqualTo(bridgeNf);
    assertThat(i.has("BridgeNfIp6tables")).isEqualTo(bridgeNf);
    if (bridgeNf) {
      assertThat(i.get("BridgeNfIptables").asBoolean()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.24, <unknown>", "1.32, <unknown>", "1.38, <unknown>", "1.39, ''", "1.41, ''",
      "1.44, ''", "1.51, ''", "unversioned, ''"})
  void info_emptyKernelAndSystem_areUnknownBeforeApi139(String version, String shown) {
    api.system.info = FakeSystemBackend.info("", "", List.of(), Map.of());

    JsonNode i = get(version, "/info");

    assertThat(i.get("KernelVersion").asText()).isEqualTo(shown);
    assertThat(i.get("OperatingSystem").asText()).isEqualTo(shown);
  }

  // ---- GET /system/df ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.32, true", "1.41, true", "1.43, true", "1.44, false", "1.50, false", "unversioned, false"})
  void diskUsage_imagesKeepTheirContainerCount_virtualSizeBefore144(String version, boolean virtualSize) {
    api.system.diskUsage = new io.berth.api.model.system.DiskUsage(42, List.of(new ImageSummary(
        "sha256:" + "a".repeat(64), "", List.of(), List.of(), 1, 42, 0, Map.of(), 2, null)),
        List.of(), List.of(), List.of());

    JsonNode df = get(version, "/system/df");

    assertThat(df.get("LayersSize").asLong()).isEqualTo(42);
    JsonNode image = df.get("Images").get(0);
    assertThat(image.get("Containers").asLong()).as("docker counts active images with it").isEqualTo(2);
    assertThat(image.get("RepoTags").isArray()).as("no <none>:<none> here").isTrue();
    assertThat(image.get("RepoTags")).isEmpty();
    assertThat(image.has("VirtualSize")).isEqualTo(virtualSize);
    assertThat(keys(df)).containsExactlyInAnyOrder("LayersSize", "Images", "Containers", "Volumes", "BuildCache");
  }

  @Test
  void diskUsage_typeChoosesKinds_from142_andOlderClientsGetAll() {
    api.system.diskUsage = new io.berth.api.model.system.DiskUsage(0, null, List.of(), null, null);

    JsonNode df = get("1.42", "/system/df?type=container&type=build-cache");
    assertThat(api.system.kindsAsked)
        .isEqualTo(new io.berth.api.model.system.DiskUsage.Kinds(true, false, false, true));
    assertThat(df.get("Images").isNull()).isTrue();

    get("1.41", "/system/df?type=container");
    assertThat(api.system.kindsAsked).isEqualTo(io.berth.api.model.system.DiskUsage.Kinds.ALL);
  }

  @Test
  void diskUsage_unknownType_is400InDockerdsWords() {
    FakeHttpResponse r = api.call(FakeHttpRequest.get("/v1.50/system/df?type=network"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).isEqualTo("unknown object type: network");
  }

  // ---- container NetworkSettings ----

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.32, false, false", "1.44, false, false", "1.45, true, false", "1.48, true, true", "unversioned, true, true"})
  void containerInspect_networkSettings_keepDockerd28sTopLevelFields_andEndpointFieldsFollowVersion(
      String version, boolean dnsNames, boolean gwPriority) {
    var endpoint = io.berth.api.model.network.EndpointSettings.addressless("n".repeat(64), "e".repeat(64));
    ContainerInspect base = inspect(null);
    api.containers.inspected = new ContainerInspect(base.id(), base.created(), base.path(), base.args(),
        base.state(), base.image(), "", "", "", "", base.name(), 0, "overlay", "linux", "", "", "", null,
        base.hostConfig(), base.graphDriver(), List.of(), base.config(),
        new ContainerInspect.NetworkSettings("", "", "", Map.of(), Map.of("none", endpoint)), null);

    JsonNode ns = get(version, "/containers/c1/json").get("NetworkSettings");

    for (String field : List.of("IPAddress", "Gateway", "MacAddress", "EndpointID", "IPPrefixLen", "HairpinMode",
        "SecondaryIPAddresses", "GlobalIPv6Address", "IPv6Gateway", "LinkLocalIPv6Address")) {
      assertThat(ns.has(field)).as(field).isTrue();
    }
    JsonNode none = ns.get("Networks").get("none");
    assertThat(none.get("NetworkID").asText()).isEqualTo("n".repeat(64));
    assertThat(none.has("DNSNames")).isEqualTo(dnsNames);
    assertThat(none.has("GwPriority")).isEqualTo(gwPriority);
    assertThat(none.get("Aliases").isNull()).isTrue();
  }
}
