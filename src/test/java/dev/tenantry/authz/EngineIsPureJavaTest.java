package dev.tenantry.authz;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The public authz API and the engine are pure Java (DESIGN §6, STYLE "authz/engine depends on
 * nothing but the JDK"): they may use only java.*, JSpecify and each other — no Spring, no SQL, no
 * other feature. Sub-packages such as authz.internal and authz.web are not held to this.
 */
class EngineIsPureJavaTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tenantry.authz");

  @Test
  void apiAndEngineDependOnlyOnTheJdkJSpecifyAndEachOther() {
    ArchRule rule =
        classes()
            .that()
            .resideInAnyPackage("dev.tenantry.authz", "dev.tenantry.authz.engine")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "java..", "org.jspecify..", "dev.tenantry.authz", "dev.tenantry.authz.engine");
    rule.check(MAIN);
  }

  @Test
  void noSqlNetworkOrFileAccess() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAnyPackage("dev.tenantry.authz", "dev.tenantry.authz.engine")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax..", "java.net..", "java.nio.file..")
        .check(MAIN);
  }

  @Test
  void theApiDoesNotDependOnTheEngine() {
    classes()
        .that()
        .resideInAPackage("dev.tenantry.authz")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage("dev.tenantry.authz.engine")
        .check(MAIN);
  }
}
