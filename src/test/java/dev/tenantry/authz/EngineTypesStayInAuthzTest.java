package dev.tenantry.authz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Other features ask authz through its public API ({@code Authorizer}, the root package's types),
 * never through the engine's snapshot, grants or anti-escalation types, so that the engine can
 * change shape without touching them.
 */
class EngineTypesStayInAuthzTest {
  @Test
  void noOtherFeatureUsesTheEnginesTypes() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tenantry.authz..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tenantry.authz.engine..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tenantry"));
  }
}
