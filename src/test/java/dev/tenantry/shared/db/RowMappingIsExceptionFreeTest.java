package dev.tenantry.shared.db;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;

/**
 * Keeps row mapping free of driver exceptions (docs/performance.md, "Row mapping without
 * exceptions"): a record is mapped by {@link Rows}, never by {@code .query(X.class)} (Spring's
 * {@code SimplePropertyRowMapper}) nor by Spring's other reflective mappers; {@code
 * .query(X.class)} stays for single columns of the types that {@code RowsTest} shows are read
 * without one.
 */
class RowMappingIsExceptionFreeTest {
  static final Set<String> SINGLE_COLUMN_TYPES =
      Set.of(
          "String",
          "Boolean",
          "Short",
          "Integer",
          "Long",
          "Double",
          "BigDecimal",
          "UUID",
          "byte[]",
          "LocalDate",
          "OffsetDateTime");
  private static final Pattern QUERY_OF_CLASS =
      Pattern.compile("\\.query\\(\\s*([A-Za-z0-9_.]+(?:\\[\\])?)\\.class\\s*\\)");

  @Test
  void queryOfAClassIsOnlyForSingleColumnsOfExceptionFreeTypes() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher m = QUERY_OF_CLASS.matcher(source);
        while (m.find()) {
          if (!SINGLE_COLUMN_TYPES.contains(m.group(1))) {
            int line = (int) source.substring(0, m.start()).lines().count();
            offenders.add(file + ":" + line + " " + m.group().replaceAll("\\s+", ""));
          }
        }
      }
    }
    assertThat(offenders)
        .as("map records with .query(Rows.of(X.class)); .query(X.class) is for single columns")
        .isEmpty();
  }

  @Test
  void theScanFindsAMultiColumnQueryOfAClass() {
    Matcher m = QUERY_OF_CLASS.matcher("jdbc.sql(s)\n    .query(\n  Views.Row.class)\n .list()");
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo("Views.Row");
    assertThat(SINGLE_COLUMN_TYPES).doesNotContain(m.group(1), "Instant");
  }

  @Test
  void onlyRowsUsesSpringsReflectiveRowMappers() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(Rows.class)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            DataClassRowMapper.class, SimplePropertyRowMapper.class, BeanPropertyRowMapper.class)
        .because("they make pgjdbc throw and catch an exception per row (use Rows.of)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tenantry"));
  }
}
