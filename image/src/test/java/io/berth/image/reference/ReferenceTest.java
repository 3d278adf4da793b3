package io.berth.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTest {

  @ParameterizedTest
  @CsvSource({
    "busybox, busybox:latest, docker.io/library/busybox:latest",
    "busybox:1, busybox:1, docker.io/library/busybox:1",
    "library/busybox, busybox:latest, docker.io/library/busybox:latest",
    "docker.io/library/busybox, busybox:latest, docker.io/library/busybox:latest",
    "docker.io/busybox:x, busybox:x, docker.io/library/busybox:x",
    "index.docker.io/library/busybox, busybox:latest, docker.io/library/busybox:latest",
    "user/app:v1.2, user/app:v1.2, docker.io/user/app:v1.2",
    "localhost:5000/x/y:t, localhost:5000/x/y:t, localhost:5000/x/y:t",
    "localhost/x, localhost/x:latest, localhost/x:latest",
    "example.com/a/b/c, example.com/a/b/c:latest, example.com/a/b/c:latest",
    "a__b.c-d--e, a__b.c-d--e:latest, docker.io/library/a__b.c-d--e:latest",
    "sha256:abc, sha256:abc, docker.io/library/sha256:abc",
  })
  void parse_validName_normalisesToFamiliarAndCanonicalForms(
      String input, String familiar, String canonical) {
    Reference r = Reference.parse(input).withDefaultTag();

    assertThat(r.familiarString()).isEqualTo(familiar);
    assertThat(r.toString()).isEqualTo(canonical);
  }

  @Test
  void parse_digestReference_keepsDigestAndAddsNoTag() {
    String digest = "sha256:" + "a".repeat(64);

    Reference r = Reference.parse("busybox@" + digest).withDefaultTag();

    assertThat(r.tag()).isNull();
    assertThat(r.familiarString()).isEqualTo("busybox@" + digest);
  }

  @Test
  void parse_uppercaseRepository_reportsDockerMessage() {
    assertThatThrownBy(() -> Reference.parse("Busybox"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(
            "invalid reference format: repository name (library/Busybox) must be lowercase");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "busybox:", ":tag", "a//b", "-a", "a-", "a:b:c", "busybox:-x", "a b"})
  void parse_malformed_isInvalidReferenceFormat(String input) {
    assertThatThrownBy(() -> Reference.parse(input))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("invalid reference format");
  }

  @Test
  void parse_64HexName_isRefused() {
    String hex = "0123456789abcdef".repeat(4);

    assertThatThrownBy(() -> Reference.parse(hex))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(
            "invalid repository name (" + hex + "), cannot specify 64-byte hexadecimal strings");
  }

  @Test
  void parse_tooLongTag_isInvalid() {
    assertThatThrownBy(() -> Reference.parse("busybox:" + "t".repeat(129)))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void parseRepoTag_emptyTag_defaultsToLatest() {
    assertThat(Reference.parseRepoTag("myrepo", "").familiarString()).isEqualTo("myrepo:latest");
    assertThat(Reference.parseRepoTag("myrepo", null).familiarString()).isEqualTo("myrepo:latest");
  }

  @Test
  void parseRepoTag_tagGiven_replacesTagInRepo() {
    assertThat(Reference.parseRepoTag("myrepo:old", "new").familiarString())
        .isEqualTo("myrepo:new");
  }

  @Test
  void parseRepoTag_invalidTag_isInvalidTagFormat() {
    assertThatThrownBy(() -> Reference.parseRepoTag("myrepo", "-bad"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("invalid tag format");
  }

  @Test
  void parseRepoTag_digestReference_isRefused() {
    assertThatThrownBy(() -> Reference.parseRepoTag("a@sha256:" + "b".repeat(64), null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("cannot import digest reference");
  }

  @Test
  void familiarName_nestedLibraryPath_keepsLibraryPrefix() {
    assertThat(Reference.parse("library/a/b").familiarName()).isEqualTo("library/a/b");
  }
}
