package io.berth.daemon.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.common.error.InvalidParameterException;
import io.berth.runtime.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {
  @TempDir Path tmp;
  private Path rootfs;

  @BeforeEach
  void rootfs() throws Exception {
    rootfs = tmp.resolve("rootfs");
    Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(rootfs.resolve("etc/passwd"), """
        root:x:0:0:root:/root:/bin/sh
        # a comment line
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
        alice:x:1000:1000:Alice:/home/alice:/bin/sh
        broken:x:notanumber:5::/:/bin/sh
        nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
        """);
    Files.writeString(rootfs.resolve("etc/group"), """
        root:x:0:
        wheel:x:10:root,alice
        audio:x:29:bob,alice
        alice:x:1000:alice
        staff:x:50:
        nogroup:x:65534:
        """);
  }

  @Test
  void resolve_empty_isRoot() {
    Spec.User u = UserResolver.resolve(rootfs, "");

    assertThat(u.uid()).isZero();
    assertThat(u.gid()).isZero();
  }

  @Test
  void resolve_null_isRoot() {
    assertThat(UserResolver.resolve(rootfs, null).uid()).isZero();
  }

  @Test
  void resolve_nobodyByName_usesPasswdIds() {
    Spec.User u = UserResolver.resolve(rootfs, "nobody");

    assertThat(u.uid()).isEqualTo(65534);
    assertThat(u.gid()).isEqualTo(65534);
    assertThat(u.additionalGids()).containsExactly(65534L);
  }

  @Test
  void resolve_numericUidInPasswd_takesItsPrimaryGroup() {
    Spec.User u = UserResolver.resolve(rootfs, "1");

    assertThat(u.uid()).isEqualTo(1);
    assertThat(u.gid()).isEqualTo(1);
  }

  @Test
  void resolve_numericWithoutEntries_isTakenLiterally() {
    Spec.User u = UserResolver.resolve(rootfs, "4242:4343");

    assertThat(u.uid()).isEqualTo(4242);
    assertThat(u.gid()).isEqualTo(4343);
    // Docker's rule: the primary group is always in the list, and an explicit group adds no others
    assertThat(u.additionalGids()).containsExactly(4343L);
  }

  @Test
  void resolve_numericWithoutPasswdFile_isTakenLiterally() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    Spec.User u = UserResolver.resolve(empty, "1000:1000");

    assertThat(u.uid()).isEqualTo(1000);
    assertThat(u.gid()).isEqualTo(1000);
  }

  @Test
  void resolve_numericUidOnlyWithoutEntry_hasGroupZero() {
    Spec.User u = UserResolver.resolve(rootfs, "4242");

    assertThat(u.uid()).isEqualTo(4242);
    assertThat(u.gid()).isZero();
  }

  @Test
  void resolve_nameAndGroupName_usesBothFiles() {
    Spec.User u = UserResolver.resolve(rootfs, "daemon:staff");

    assertThat(u.uid()).isEqualTo(1);
    assertThat(u.gid()).isEqualTo(50);
  }

  @Test
  void resolve_nameAndNumericGroup_usesGroupNumber() {
    Spec.User u = UserResolver.resolve(rootfs, "nobody:777");

    assertThat(u.uid()).isEqualTo(65534);
    assertThat(u.gid()).isEqualTo(777);
  }

  @Test
  void resolve_unknownName_isInvalidParameterWithDockerMessage() {
    assertThatThrownBy(() -> UserResolver.resolve(rootfs, "x"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("unable to find user x: no matching entries in passwd file");
  }

  @Test
  void resolve_unknownGroupName_isInvalidParameter() {
    assertThatThrownBy(() -> UserResolver.resolve(rootfs, "alice:nosuch"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("unable to find group nosuch: no matching entries in group file");
  }

  @Test
  void resolve_entryWithNonNumericUid_isIgnored() {
    assertThatThrownBy(() -> UserResolver.resolve(rootfs, "broken"))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void resolve_memberOfGroups_getsPrimaryThenThem() {
    Spec.User u = UserResolver.resolve(rootfs, "alice");

    assertThat(u.uid()).isEqualTo(1000);
    assertThat(u.gid()).isEqualTo(1000);
    // Docker's list exactly: the primary group, then every group naming alice (her own again)
    assertThat(u.additionalGids()).containsExactly(1000L, 10L, 29L, 1000L);
  }

  @Test
  void resolve_passwdIsSymlink_isIgnored() throws Exception {
    Path outside = tmp.resolve("host-passwd");
    Files.writeString(outside, "evil:x:0:0::/:/bin/sh\n");
    Files.delete(rootfs.resolve("etc/passwd"));
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), outside);

    assertThatThrownBy(() -> UserResolver.resolve(rootfs, "evil"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("unable to find user evil: no matching entries in passwd file");
    assertThat(UserResolver.resolve(rootfs, "1000:1000").uid()).isEqualTo(1000);
  }
}
