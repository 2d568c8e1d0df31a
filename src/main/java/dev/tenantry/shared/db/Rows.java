package dev.tenantry.shared.db;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows to records by column name, as JdbcClient's {@code query(Class)} does for a record
 * (Spring's {@code SimplePropertyRowMapper}: same column matching, same value reading, same
 * conversions), without the exceptions that mapper makes pgjdbc throw on every row
 * (docs/performance.md, "Row mapping without exceptions"):
 *
 * <ul>
 *   <li>{@code Instant} is read as {@code OffsetDateTime}: pgjdbc 42.7 refuses {@code getObject(i,
 *       Instant.class)} with an exception, which Spring catches before reading the column again;
 *   <li>columns are found in the result's metadata, once per result set, by the component's
 *       underscored name ({@code createdAt} → {@code created_at}) and then its name, case aside, as
 *       Spring does with {@code findColumn}, where a miss is a driver exception (Spring's {@code
 *       DataClassRowMapper} even misses on purpose, trying {@code createdat} first).
 * </ul>
 *
 * Use {@code .query(Rows.of(X.class))}; mappers are cached and thread-safe. {@code
 * RowMappingIsExceptionFreeTest} keeps every multi-column query on it.
 */
public final class Rows {
  private static final ClassValue<RowMapper<?>> MAPPERS =
      new ClassValue<>() {
        @Override
        protected RowMapper<?> computeValue(Class<?> type) {
          return new RecordMapper<>(type, DefaultConversionService.getSharedInstance());
        }
      };

  private Rows() {}

  /** The mapper of a record (or a class with one data constructor) whose components are columns. */
  @SuppressWarnings("unchecked")
  public static <T> RowMapper<T> of(Class<T> type) {
    return (RowMapper<T>) MAPPERS.get(type);
  }

  /** Reads one column for a component of this type; the Java time types without exceptions. */
  static @Nullable Object read(ResultSet rs, int index, Class<?> type) throws SQLException {
    if (type == Instant.class) {
      OffsetDateTime at = rs.getObject(index, OffsetDateTime.class);
      return at == null ? null : at.toInstant();
    }
    if (type == OffsetDateTime.class) {
      return rs.getObject(index, OffsetDateTime.class);
    }
    if ((type.isArray() && type != byte[].class) || Collection.class.isAssignableFrom(type)) {
      Array array = rs.getArray(index);
      return array == null ? null : array.getArray();
    }
    return JdbcUtils.getResultSetValue(rs, index, type);
  }

  private static final class RecordMapper<T> implements RowMapper<T> {
    private final Constructor<T> constructor;
    private final String[] names;
    private final String[] underscored;
    private final TypeDescriptor[] types;
    private final ConversionService conversions;
    private volatile Layout last = new Layout(new WeakReference<>(null), new String[0], new int[0]);

    RecordMapper(Class<T> type, ConversionService conversions) {
      this.constructor = BeanUtils.getResolvableConstructor(type);
      int n = constructor.getParameterCount();
      this.names = n == 0 ? new String[0] : BeanUtils.getParameterNames(constructor);
      this.underscored = new String[n];
      this.types = new TypeDescriptor[n];
      for (int i = 0; i < n; i++) {
        underscored[i] = JdbcUtils.convertPropertyNameToUnderscoreName(names[i]);
        types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
      }
      this.conversions = conversions;
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
      int[] columns = layout(rs).columns;
      @Nullable Object[] args = new Object[names.length];
      for (int i = 0; i < args.length; i++) {
        // an absent column: the driver's own error, as Spring's mapper gives it
        int index = columns[i] > 0 ? columns[i] : rs.findColumn(underscored[i]);
        args[i] = conversions.convert(read(rs, index, types[i].getType()), types[i]);
      }
      return BeanUtils.instantiateClass(constructor, args);
    }

    /**
     * Where each component's column is: known for the rows of one result set (pgjdbc keeps one
     * metadata object per result set), and for results with the same columns.
     */
    private Layout layout(ResultSet rs) throws SQLException {
      ResultSetMetaData meta = rs.getMetaData();
      Layout known = last;
      if (known.meta.get() == meta) {
        return known;
      }
      String[] labels = new String[meta.getColumnCount()];
      for (int c = 0; c < labels.length; c++) {
        labels[c] = JdbcUtils.lookupColumnName(meta, c + 1);
      }
      if (Arrays.equals(known.labels, labels)) {
        last = new Layout(new WeakReference<>(meta), labels, known.columns);
        return known;
      }
      int[] columns = new int[names.length];
      for (int i = 0; i < columns.length; i++) {
        int underscoredName = find(labels, underscored[i]);
        columns[i] = underscoredName > 0 ? underscoredName : find(labels, names[i]);
      }
      Layout layout = new Layout(new WeakReference<>(meta), labels, columns);
      last = layout;
      return layout;
    }

    /** pgjdbc's findColumn without the exception: the first label equal but for case, or 0. */
    private static int find(String[] labels, String name) {
      for (int c = 0; c < labels.length; c++) {
        if (labels[c].equalsIgnoreCase(name)) {
          return c + 1;
        }
      }
      return 0;
    }
  }

  private record Layout(
      WeakReference<@Nullable ResultSetMetaData> meta, String[] labels, int[] columns) {}
}
