package io.berth.image.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.berth.common.Digest;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.SystemException;
import io.berth.image.ImageRecord;
import io.berth.image.ImageService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapTest {
  @TempDir Path root;

  @Test
  void busyboxRootfs_hostBusybox_hasBinaryAppletLinksAndAccounts() throws IOException {
    assumeTrue(Files.isExecutable(Bootstrap.HOST_BUSYBOX), "needs the host's static busybox");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new Bootstrap().busyboxRootfs(out);

    Map<String, TarArchiveEntry> entries = new HashMap<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), e);
      }
    }
    assertThat(entries.get("bin/busybox").getSize()).isEqualTo(Files.size(Bootstrap.HOST_BUSYBOX));
    assertThat(entries.get("bin/sh").isSymbolicLink()).isTrue();
    assertThat(entries.get("bin/sh").getLinkName()).isEqualTo("busybox");
    assertThat(entries.get("tmp/").getMode()).isEqualTo(01777);
    assertThat(entries.get("root/").getMode()).isEqualTo(0700);
    assertThat(entries).containsKeys("etc/passwd", "etc/group", "proc/", "sys/", "dev/", "bin/ls");
  }

  @Test
  void busyboxRootfs_missingBinary_isSystemException() {
    Bootstrap b = new Bootstrap(root.resolve("no-busybox"));

    assertThatThrownBy(() -> b.busyboxRootfs(new ByteArrayOutputStream()))
        .isInstanceOf(SystemException.class)
        .hasMessageContaining("no-busybox");
  }

  @Test
  @Tag("privileged")
  void bootstrap_busybox_importsTaggedImageWithShell() {
    ImageService images = new ImageService(root);
    List<String> progress = new ArrayList<>();

    ImageRecord img = images.bootstrap("busybox", progress::add);

    assertThat(img.repoTags()).containsExactly("busybox:latest");
    assertThat(img.config().cmd()).containsExactly("sh");
    assertThat(img.config().env())
        .containsExactly("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    Path diff = root.resolve("layers").resolve(Digest.parse(img.diffIds().getFirst()).hex());
    diff = diff.resolve("diff");
    assertThat(diff.resolve("bin/busybox")).isRegularFile().isExecutable();
    assertThat(Files.isSymbolicLink(diff.resolve("bin/sh"))).isTrue();
    assertThat(diff.resolve("etc/passwd")).content().startsWith("root:x:0:0:root:/root:/bin/sh");
    assertThat(Files.isDirectory(diff.resolve("proc"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(progress).last().asString().contains(img.id());
  }

  @Test
  @Tag("privileged")
  void bootstrap_busyboxTwice_sharesTheLayer() {
    ImageService images = new ImageService(root);

    ImageRecord a = images.bootstrap("busybox", null);
    ImageRecord b = images.bootstrap("busybox:latest", null);

    assertThat(b.diffIds()).isEqualTo(a.diffIds());
    assertThat(images.inspect("busybox").id()).isEqualTo(b.id());
  }

  @Test
  @Tag("privileged")
  void bootstrap_unsupportedName_isInvalidParameter() {
    ImageService images = new ImageService(root);

    assertThatThrownBy(() -> images.bootstrap("alpine", null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("unsupported bootstrap image: alpine (supported: busybox, debian:<suite>)");
  }

  @Test
  @Tag("privileged")
  void bootstrap_producerFails_importFailsAndLeavesNothing() throws IOException {
    ImageService images = new ImageService(root, new Bootstrap(root.resolve("missing")));

    assertThatThrownBy(() -> images.bootstrap("busybox", null)).isInstanceOf(SystemException.class);

    assertThat(images.list()).isEmpty();
    assertThat(root.resolve("layers")).isEmptyDirectory();
    assertThat(root.resolve("tmp")).isEmptyDirectory();
  }
}
