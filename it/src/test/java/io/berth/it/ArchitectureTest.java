package io.berth.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module edges of ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.berth");
  }

  @Test
  void apiServer_dependsOnNoDomainModule() {
    noClasses().that().resideInAPackage("io.berth.api.server..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.daemon..", "io.berth.image..",
            "io.berth.registry..", "io.berth.runtime..", "io.berth.linux..", "io.berth.app..", "io.netty..")
        .check(classes);
  }

  @Test
  void domainModules_neverSeeHttpOrTheApi() {
    noClasses().that().resideInAnyPackage("io.berth.image..", "io.berth.registry..", "io.berth.runtime..",
            "io.berth.linux..", "io.berth.network..", "io.berth.volume..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.api..", "io.berth.http..",
            "io.berth.daemon..", "io.berth.app..", "io.netty..")
        .check(classes);
  }

  @Test
  void registryClient_knowsNothingOfImagesOnDisk() {
    noClasses().that().resideInAPackage("io.berth.registry..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.image..", "io.berth.linux..",
            "io.berth.runtime..")
        .check(classes);
  }

  @Test
  void cli_talksOnlyThroughTheClient() {
    noClasses().that().resideInAnyPackage("io.berth.cli..", "io.berth.client..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.daemon..", "io.berth.image..",
            "io.berth.registry..", "io.berth.runtime..", "io.berth.linux..", "io.berth.api.server..",
            "io.berth.app..", "io.netty..")
        .check(classes);
  }

  @Test
  void daemon_usesOnlyTheBackendPackageOfTheApiServer() {
    noClasses().that().resideInAPackage("io.berth.daemon..")
        .should().dependOnClassesThat().resideInAnyPackage("io.berth.api.server",
            "io.berth.api.server.router..", "io.berth.api.server.middleware..",
            "io.berth.api.server.stream..", "io.berth.http..", "io.berth.app..", "io.netty..")
        .check(classes);
  }

  @Test
  void nettyStaysInTheHttpModule() {
    noClasses().that().resideOutsideOfPackage("io.berth.http..")
        .should().dependOnClassesThat().resideInAPackage("io.netty..")
        .check(classes);
  }

  @Test
  void nativeCallsStayInTheLinuxModule() {
    noClasses().that().resideOutsideOfPackage("io.berth.linux..")
        .should().dependOnClassesThat().resideInAPackage("java.lang.foreign..")
        .check(classes);
  }
}
