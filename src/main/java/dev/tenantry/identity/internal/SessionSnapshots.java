package dev.tenantry.identity.internal;

import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.web.ConsoleHeaderData;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Console sessions as this node last read them, checked by one statement per request. Spring
 * Session's JDBC repository reads the session row and every attribute, in a read-write transaction,
 * and deserialises the attributes (Java serialization of the security context) on every page. Here
 * one autocommit statement reads the session row (so sign-out and the idle timeout on any node
 * count at once) with the row version ({@code xmin}) of each attribute, and, in the same statement,
 * whether a policy change this node has not applied is committed ({@link Authorizer#BEHIND_SQL}: a
 * user disabled on another node loses the session on the very next page). Attributes are read and
 * deserialised again only when one of them was written, added or removed since (on any node). The
 * statement also reads the console data version for the page's header ({@link ConsoleHeaderData}).
 *
 * <p>The deserialised attribute objects are shared by the requests of one session on this node, as
 * a servlet container's in-memory session shares them; changes go through {@link
 * ThrottledTouchSessions}, which writes them with Spring Session's repository and forgets the
 * entry.
 */
@Component
class SessionSnapshots {
  private static final int MAX_SESSIONS = 20_000;
  private static final String CHECK =
      "select s.primary_id, s.creation_time, s.last_access_time, s.max_inactive_interval,"
          + " (select coalesce(string_agg(a.attribute_name || '@' || a.xmin::text, ','"
          + " order by a.attribute_name collate \"C\"), '')"
          + " from spring_session_attributes a where a.session_primary_id = s.primary_id),"
          + " "
          + Authorizer.BEHIND_SQL
          + ", "
          + ConsoleHeaderData.VERSION_SQL
          + " from spring_session s where s.session_id = ?";
  private static final String ATTRIBUTES =
      "select attribute_name, xmin::text, attribute_bytes from spring_session_attributes"
          + " where session_primary_id = ? order by attribute_name collate \"C\"";

  /** What the check statement answers. */
  private record Row(
      String primaryId,
      Instant created,
      Instant lastAccess,
      Duration maxInactive,
      String versions,
      boolean behind,
      long headerData) {}

  /** The attributes of a session at the given versions ({@code name@xmin,…}). */
  private record Attributes(String primaryId, String versions, Map<String, Object> values) {}

  /** A session as stored, with its attributes as last read (read-only). */
  record Snapshot(
      String id,
      Instant created,
      Instant lastAccess,
      Duration maxInactive,
      Map<String, Object> attributes) {
    boolean isExpired(Instant now) {
      return !maxInactive.isNegative() && !now.minus(maxInactive).isBefore(lastAccess);
    }

    Set<String> attributeNames() {
      return attributes.keySet();
    }
  }

  private final JdbcTemplate jdbc;
  private final Authorizer authorizer;
  private final DeserializingConverter deserializer =
      new DeserializingConverter(SessionSnapshots.class.getClassLoader());
  private final Map<String, Attributes> known = new ConcurrentHashMap<>();

  SessionSnapshots(DataSource dataSource, Authorizer authorizer) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.authorizer = authorizer;
  }

  /** The stored session (expired or not), or null when there is none with this id. */
  @Nullable Snapshot find(String id) {
    String revision = Long.toString(authorizer.revision());
    Row row =
        jdbc.query(
            CHECK,
            rs ->
                rs.next()
                    ? new Row(
                        rs.getString(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        Duration.ofSeconds(rs.getInt(4)),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getLong(7))
                    : null,
            revision,
            id);
    if (row == null) {
      known.remove(id);
      return null;
    }
    authorizer.caughtUpUnless(row.behind());
    ConsoleHeaderData.versionRead(row.headerData());
    Attributes a = known.get(id);
    if (a == null
        || !a.primaryId().equals(row.primaryId())
        || !a.versions().equals(row.versions())) {
      a = read(row.primaryId());
      if (known.size() >= MAX_SESSIONS) {
        known.clear(); // each session is read again once; simpler than an eviction order
      }
      known.put(id, a);
    }
    return new Snapshot(id, row.created(), row.lastAccess(), row.maxInactive(), a.values());
  }

  /** Forgets what was read of this session (it is being written or deleted). */
  void forget(String id) {
    known.remove(id);
  }

  private Attributes read(String primaryId) {
    Map<String, Object> values = new TreeMap<>();
    StringBuilder versions = new StringBuilder();
    jdbc.query(
        ATTRIBUTES,
        rs -> {
          String name = rs.getString(1);
          if (!versions.isEmpty()) {
            versions.append(',');
          }
          versions.append(name).append('@').append(rs.getString(2));
          byte[] bytes = rs.getBytes(3);
          Object value = bytes == null ? null : deserializer.convert(bytes);
          if (value != null) {
            values.put(name, value);
          }
        },
        primaryId);
    return new Attributes(
        primaryId, versions.toString(), java.util.Collections.unmodifiableMap(values));
  }
}
