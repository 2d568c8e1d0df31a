package dev.tenantry.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.support.IntegrationTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.SingleColumnRowMapper;

/**
 * {@link Rows} maps records on the embedded PostgreSQL to the values Spring's mapper of {@code
 * JdbcClient...query(X.class)} gives, without the driver exceptions that mapper causes on every row
 * (counted at the {@code ResultSet}: each call the driver answers with an exception).
 */
class RowsTest extends IntegrationTest {
  enum Colour {
    RED,
    GREEN
  }

  record Everything(
      UUID id,
      Instant createdAt,
      @Nullable Instant deletedAt,
      OffsetDateTime seenAt,
      Colour colour,
      boolean active,
      @Nullable Integer score,
      @Nullable Long total,
      int count,
      long version,
      LocalDate day,
      String displayName) {}

  static final UUID ID = UUID.fromString("0e0e0e0e-1111-4222-8333-444455556666");
  static final String EVERYTHING =
      """
      select '0e0e0e0e-1111-4222-8333-444455556666'::uuid as id,
             timestamptz '2026-01-02 03:04:05.123456+00' as created_at,
             null::timestamptz as deleted_at,
             timestamptz '2026-05-06 07:08:09+02' as seen_at,
             'GREEN' as colour,
             true as active,
             null::int as score,
             null::bigint as total,
             7 as count,
             9::bigint as version,
             date '2026-02-03' as day,
             'Ada' as display_name
      from generate_series(1, 3)
      """;

  /** Spring's mapper for {@code JdbcClient...query(X.class)}, built as JdbcClient builds it. */
  static <T> RowMapper<T> springs(Class<T> type) {
    return new SimplePropertyRowMapper<>(type, DefaultConversionService.getSharedInstance());
  }

  @Test
  void springsRecordMappersMakePgjdbcThrowForEveryInstantComponentOfEveryRow() {
    Mapped<Everything> simple = map(EVERYTHING, springs(Everything.class));
    Mapped<Everything> dataClass = map(EVERYTHING, new DataClassRowMapper<>(Everything.class));

    List<String> perRow =
        List.of("getObject[2, class java.time.Instant]", "getObject[3, class java.time.Instant]");
    assertThat(simple.driverExceptions())
        .containsExactlyElementsOf(
            Collections.nCopies(3, perRow).stream().flatMap(List::stream).toList());
    // DataClassRowMapper also looks each camelCase component up by its lower-cased name first
    assertThat(dataClass.driverExceptions())
        .hasSize(3 * 6)
        .containsAll(perRow)
        .contains(
            "findColumn[createdat]",
            "findColumn[deletedat]",
            "findColumn[seenat]",
            "findColumn[displayname]");
    assertThat(simple.rows()).hasSize(3);
  }

  @Test
  void rowsReadsEveryTypeAsSpringDidWithoutADriverException() {
    Mapped<Everything> before = map(EVERYTHING, springs(Everything.class));
    Mapped<Everything> now = map(EVERYTHING, Rows.of(Everything.class));

    assertThat(now.driverExceptions()).isEmpty();
    assertThat(now.rows()).usingRecursiveFieldByFieldElementComparator().isEqualTo(before.rows());
    Everything row = now.rows().getFirst();
    assertThat(row.id()).isEqualTo(ID);
    assertThat(row.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    assertThat(row.deletedAt()).isNull();
    assertThat(row.seenAt().toInstant()).isEqualTo(Instant.parse("2026-05-06T05:08:09Z"));
    assertThat(row.seenAt().getOffset()).isEqualTo(before.rows().getFirst().seenAt().getOffset());
    assertThat(row.colour()).isEqualTo(Colour.GREEN);
    assertThat(row.active()).isTrue();
    assertThat(row.score()).isNull();
    assertThat(row.total()).isNull();
    assertThat(row.count()).isEqualTo(7);
    assertThat(row.version()).isEqualTo(9L);
    assertThat(row.day()).isEqualTo(LocalDate.of(2026, 2, 3));
    assertThat(row.displayName()).isEqualTo("Ada");
  }

  record Tagged(String[] tags, List<String> labels, UUID[] ids, String @Nullable [] none) {}

  @Test
  void arraysAreReadAsArraysOrListsWhichSpringsMapperCouldNot() {
    String sql =
        "select array['a', 'b']::text[] as tags, array['c']::text[] as labels,"
            + " array['"
            + ID
            + "']::uuid[] as ids, null::text[] as none";
    assertThatThrownBy(() -> jdbc.sql(sql).query(springs(Tagged.class)).single())
        .hasMessageContaining("No converter found capable of converting from type [org.postgresql");

    Mapped<Tagged> now = map(sql, Rows.of(Tagged.class));

    assertThat(now.driverExceptions()).isEmpty();
    Tagged row = now.rows().getFirst();
    assertThat(row.tags()).containsExactly("a", "b");
    assertThat(row.labels()).containsExactly("c");
    assertThat(row.ids()).containsExactly(ID);
    assertThat(row.none()).isNull();
  }

  record Pair(String leftName, Instant at) {}

  @Test
  void columnsAreFoundByNameWhateverTheirOrderInEachQuery() {
    RowMapper<Pair> rows = Rows.of(Pair.class);
    String first = "select 'x' as left_name, timestamptz '2026-01-01 00:00:00+00' as at";
    String swapped = "select timestamptz '2026-01-01 00:00:00+00' as at, 'y' as LeftName";

    assertThat(jdbc.sql(first).query(rows).single().leftName()).isEqualTo("x");
    assertThat(jdbc.sql(swapped).query(rows).single())
        .isEqualTo(new Pair("y", Instant.parse("2026-01-01T00:00:00Z")));
    assertThat(jdbc.sql(first).query(rows).single().leftName()).isEqualTo("x");
  }

  @Test
  void anAbsentColumnFailsAsWithSpringsMapper() {
    String sql = "select 'x' as left_name";
    String driver = "The column name at was not found in this ResultSet.";
    assertThatThrownBy(() -> jdbc.sql(sql).query(springs(Pair.class)).single())
        .isInstanceOf(BadSqlGrammarException.class)
        .rootCause()
        .hasMessage(driver);
    assertThatThrownBy(() -> jdbc.sql(sql).query(Rows.of(Pair.class)).single())
        .isInstanceOf(BadSqlGrammarException.class)
        .rootCause()
        .hasMessage(driver);
  }

  @Test
  void everySingleColumnTypeLeftToQueryOfAClassIsReadWithoutADriverException() {
    Map<String, Map.Entry<Class<?>, String>> cases =
        Map.ofEntries(
            Map.entry("String", Map.entry(String.class, "'x'")),
            Map.entry("Boolean", Map.entry(Boolean.class, "true")),
            Map.entry("Short", Map.entry(Short.class, "1::smallint")),
            Map.entry("Integer", Map.entry(Integer.class, "1")),
            Map.entry("Long", Map.entry(Long.class, "1::bigint")),
            Map.entry("Double", Map.entry(Double.class, "1.5::float8")),
            Map.entry("BigDecimal", Map.entry(BigDecimal.class, "1.5::numeric")),
            Map.entry("UUID", Map.entry(UUID.class, "gen_random_uuid()")),
            Map.entry("byte[]", Map.entry(byte[].class, "'\\x01'::bytea")),
            Map.entry("LocalDate", Map.entry(LocalDate.class, "date '2026-02-03'")),
            Map.entry("OffsetDateTime", Map.entry(OffsetDateTime.class, "now()::timestamptz")));
    assertThat(cases.keySet()).isEqualTo(RowMappingIsExceptionFreeTest.SINGLE_COLUMN_TYPES);
    for (var c : cases.entrySet()) {
      Class<?> type = c.getValue().getKey();
      Mapped<?> mapped =
          map(
              "select " + c.getValue().getValue() + " union all select null",
              new SingleColumnRowMapper<>(type, DefaultConversionService.getSharedInstance()));
      assertThat(mapped.driverExceptions()).as(c.getKey()).isEmpty();
      assertThat(mapped.rows().getFirst()).as(c.getKey()).isInstanceOf(type);
    }
    // and the reason Instant is not among them
    Mapped<?> instants =
        map(
            "select now()",
            new SingleColumnRowMapper<>(
                Instant.class, DefaultConversionService.getSharedInstance()));
    assertThat(instants.driverExceptions())
        .containsExactly("getObject[1, class java.time.Instant]");
    assertThat(instants.rows().getFirst()).isInstanceOf(Instant.class);
  }

  /** The rows, and the calls the driver answered with an exception (method and arguments). */
  record Mapped<T>(List<T> rows, List<String> driverExceptions) {}

  /** Maps every row through a ResultSet that counts the calls the driver answered by throwing. */
  private <T> Mapped<T> map(String sql, RowMapper<T> mapper) {
    return jdbc.sql(sql)
        .query(
            (ResultSet rs) -> {
              List<String> thrown = new ArrayList<>();
              ResultSet counting = counting(rs, thrown);
              List<T> rows = new ArrayList<>();
              while (counting.next()) {
                rows.add(mapper.mapRow(counting, rows.size()));
              }
              return new Mapped<>(rows, thrown);
            });
  }

  private static ResultSet counting(ResultSet rs, List<String> thrown) {
    return (ResultSet)
        Proxy.newProxyInstance(
            RowsTest.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(rs, args);
              } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException) {
                  thrown.add(method.getName() + Arrays.toString(args));
                }
                throw e.getCause();
              }
            });
  }
}
