package io.berth.image.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import io.berth.common.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {

  private static ImageConfig apply(String... changes) {
    return ConfigChanges.apply(ImageConfig.empty(), List.of(changes));
  }

  @Test
  void apply_noChanges_returnsBaseUnchanged() {
    ImageConfig base = ImageConfig.empty();

    assertThat(ConfigChanges.apply(base, List.of())).isSameAs(base);
    assertThat(base.env()).isNull();
  }

  @Test
  void apply_cmdJsonForm_isExecForm() {
    assertThat(apply("CMD [\"sh\", \"-c\", \"echo hi\"]").cmd())
        .containsExactly("sh", "-c", "echo hi");
  }

  @Test
  void apply_cmdShellForm_wrapsInBinSh() {
    assertThat(apply("CMD echo $HOME && ls").cmd())
        .containsExactly("/bin/sh", "-c", "echo $HOME && ls");
  }

  @Test
  void apply_cmdInvalidJson_fallsBackToShellForm() {
    assertThat(apply("cmd [not json]").cmd()).containsExactly("/bin/sh", "-c", "[not json]");
  }

  @Test
  void apply_entrypointWithoutCmd_clearsInheritedCmd() {
    ImageConfig base = apply("CMD [\"old\"]");

    ImageConfig c = ConfigChanges.apply(base, List.of("ENTRYPOINT [\"/app\"]"));

    assertThat(c.entrypoint()).containsExactly("/app");
    assertThat(c.cmd()).isNull();
  }

  @Test
  void apply_cmdThenEntrypoint_keepsCmd() {
    ImageConfig c = apply("CMD [\"x\"]", "ENTRYPOINT /app");

    assertThat(c.cmd()).containsExactly("x");
    assertThat(c.entrypoint()).containsExactly("/bin/sh", "-c", "/app");
  }

  @Test
  void apply_envPairsWithQuotesAndVariables_substitutesValuesFromEarlierInstructions() {
    ImageConfig c = apply("ENV A=1 B=\"two words\" C=${A}x", "ENV A=3 D=$A");

    assertThat(c.env()).containsExactly("A=3", "B=two words", "C=x", "D=1");
  }

  @Test
  void apply_envLegacyForm_valueIsRestOfLine() {
    assertThat(apply("ENV GREETING hello   world").env()).containsExactly("GREETING=hello   world");
  }

  @Test
  void apply_envDefaultSubstitution_usesDefaultWhenUnset() {
    assertThat(apply("ENV X=${UNSET:-dflt} Y=${X:+alt}").env()).containsExactly("X=dflt", "Y=");
  }

  @Test
  void apply_envWithoutValue_isRejected() {
    assertThatThrownBy(() -> apply("ENV ONLYKEY"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("ENV must have two arguments");
  }

  @Test
  void apply_envBlankName_isRejected() {
    assertThatThrownBy(() -> apply("ENV =x"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("ENV names can not be blank");
  }

  @Test
  void apply_labelsWithQuotes_setsLabels() {
    ImageConfig c = apply("LABEL a=b \"c d\"=\"e f\"", "LABEL legacy some value");

    assertThat(c.labels()).isEqualTo(Map.of("a", "b", "c d", "e f", "legacy", "some value"));
  }

  @Test
  void apply_expose_addsPortsWithDefaultTcpAndRanges() {
    ImageConfig c = apply("EXPOSE 80 53/UDP 8000-8001/tcp");

    assertThat(c.exposedPorts()).containsOnlyKeys("80/tcp", "53/udp", "8000/tcp", "8001/tcp");
    assertThat(Json.string(c)).contains("\"ExposedPorts\":{\"53/udp\":{},");
  }

  @Test
  void apply_exposeInvalidPort_isRejected() {
    assertThatThrownBy(() -> apply("EXPOSE 99999")).isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void apply_volumeJsonAndPlainForms_addVolumes() {
    ImageConfig c = apply("VOLUME [\"/data\", \"/logs\"]", "VOLUME /a /b");

    assertThat(c.volumes()).containsOnlyKeys("/data", "/logs", "/a", "/b");
  }

  @Test
  void apply_workdirRelative_joinsWithCurrentAndCleans() {
    assertThat(apply("WORKDIR /usr", "WORKDIR src/../lib").workingDir()).isEqualTo("/usr/lib");
    assertThat(apply("WORKDIR rel").workingDir()).isEqualTo("/rel");
  }

  @Test
  void apply_userStopsignalOnbuild_areSet() {
    ImageConfig c = apply("USER nobody:nogroup", "STOPSIGNAL SIGTERM", "ONBUILD RUN echo hi");

    assertThat(c.user()).isEqualTo("nobody:nogroup");
    assertThat(c.stopSignal()).isEqualTo("SIGTERM");
    assertThat(c.onBuild()).containsExactly("RUN echo hi");
  }

  @Test
  void apply_onbuildOnbuild_isRejected() {
    assertThatThrownBy(() -> apply("ONBUILD ONBUILD RUN x"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  }

  @Test
  void apply_invalidStopSignal_isRejected() {
    assertThatThrownBy(() -> apply("STOPSIGNAL not-a-signal"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("Invalid signal: not-a-signal");
  }

  @Test
  void apply_healthcheckWithFlags_parsesDurationsAndShellTest() {
    HealthConfig h =
        apply("HEALTHCHECK --interval=1m30s --timeout=500ms --retries=3 CMD curl -f http://x/")
            .healthcheck();

    assertThat(h.test()).containsExactly("CMD-SHELL", "curl -f http://x/");
    assertThat(h.interval()).isEqualTo(90_000_000_000L);
    assertThat(h.timeout()).isEqualTo(500_000_000L);
    assertThat(h.retries()).isEqualTo(3);
    assertThat(Json.string(h)).doesNotContain("StartPeriod");
  }

  @Test
  void apply_healthcheckNone_disablesCheck() {
    assertThat(apply("HEALTHCHECK NONE").healthcheck().test()).containsExactly("NONE");
  }

  @Test
  void apply_unknownInstruction_isNotAValidChangeCommand() {
    assertThatThrownBy(() -> apply("CMD [\"sh\"]", "RUN echo hi"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("RUN is not a valid change command");
  }

  @Test
  void apply_unknownInstructionLowercase_keepsSpellingInMessage() {
    assertThatThrownBy(() -> apply("from busybox"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("from is not a valid change command");
  }

  @Test
  void apply_continuationAndComments_areJoined() {
    ImageConfig c = apply("# comment\nENV A=1 \\\n  B=2\n\nUSER x");

    assertThat(c.env()).containsExactly("A=1", "B=2");
    assertThat(c.user()).isEqualTo("x");
  }

  @Test
  void apply_serialisedConfig_usesDockerFieldNamesAndOmitsUnset() {
    ImageConfig c = apply("CMD [\"sh\"]", "ENV PATH=/bin");

    assertThat(Json.string(c)).isEqualTo("{\"Cmd\":[\"sh\"],\"Env\":[\"PATH=/bin\"]}");
    assertThat(Json.parse(Json.bytes(c), ImageConfig.class)).isEqualTo(c);
  }

  @Test
  void parseDuration_goSyntax_isNanoseconds() {
    assertThat(HealthcheckParser.parseDuration("1h2m3.5s")).isEqualTo(3_723_500_000_000L);
    assertThat(HealthcheckParser.parseDuration("0")).isZero();
    assertThatThrownBy(() -> HealthcheckParser.parseDuration("5"))
        .isInstanceOf(InvalidParameterException.class);
  }
}
