package dev.tenantry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package layout of STYLE.md, enforced: one top-level package per feature, whose root is its
 * public API; its {@code internal} and {@code web} sub-packages are private to it; no cycles.
 */
class ModularityTest {
  static final List<String> FEATURES =
      List.of(
          "authz",
          "tenancy",
          "directory",
          "identity",
          "audit",
          "web",
          "library",
          "sync",
          "deployments",
          "changes",
          "maintenance"); // shared is all public
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tenantry");

  @Test
  void featuresHaveNoCycles() {
    slices()
        .matching("dev.tenantry.(*)..")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(DescribedPredicate.alwaysTrue(), DECLARING_A_PERMISSION)
        .check(CLASSES);
  }

  /**
   * {@code @Requires(Permission.X)} on a handler is a declaration read by tests and docs, not a
   * call: the audit API declares its permissions although authz (which implements audit's
   * visibility SPI) is not its dependency.
   */
  static final DescribedPredicate<JavaClass> DECLARING_A_PERMISSION =
      DescribedPredicate.describe(
          "a @Requires declaration",
          c ->
              c.isEquivalentTo(Requires.class)
                  || c.isEquivalentTo(Requires.On.class)
                  || c.isEquivalentTo(Permission.class));

  /**
   * STYLE habit 1: every controller method declares its permission (read by the API contract and
   * matrix tests).
   */
  @Test
  void everyRestHandlerDeclaresItsPermission() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .and()
        .areMetaAnnotatedWith(RequestMapping.class)
        .should()
        .beAnnotatedWith(Requires.class)
        .because("every API operation declares the permission it needs (docs/api-permissions.md)")
        .check(CLASSES);
  }

  @Test
  void noFeatureReachesIntoAnotherFeaturesInternals() {
    for (String feature : FEATURES) {
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.tenantry." + feature + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.tenantry." + feature + ".internal..", "dev.tenantry." + feature + ".web..")
          .allowEmptyShould(true)
          .check(CLASSES);
    }
  }

  @Test
  void sharedDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("dev.tenantry.shared..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tenantry.authz..",
            "dev.tenantry.tenancy..",
            "dev.tenantry.directory..",
            "dev.tenantry.identity..",
            "dev.tenantry.audit..")
        .check(CLASSES);
  }

  @Test
  void theEngineIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("dev.tenantry.authz.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }
}
