package dev.tenantry.directory.internal;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.directory.Computer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The computer aggregate: its row and its tags. */
@Repository
class ComputerRepository {
  static final String COLUMNS =
      "c.id, c.tenant_id, c.name, c.type, c.primary_person_id, c.os, c.serial, c.version";
  private final JdbcClient jdbc;

  ComputerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Computer> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from computer c where c.id = ?")
        .param(id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Loads and locks the row until the transaction ends. */
  Optional<Computer> lock(UUID id) {
    return lockAll(List.of(id)).stream().findFirst();
  }

  /** Loads and locks the rows that exist, in id order (a fixed order avoids deadlocks). */
  List<Computer> lockAll(Collection<UUID> ids) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from computer c where c.id = any(:ids) order by c.id for update")
        .param("ids", ids.toArray(new UUID[0]))
        .query((rs, n) -> map(rs))
        .list();
  }

  void insert(Computer c) {
    jdbc.sql(
            """
            insert into computer (id, tenant_id, name, type, primary_person_id, os, serial)
            values (:id, :tenant, :name, :type, :person, :os, :serial)
            """)
        .param("id", c.id())
        .param("tenant", c.tenantId())
        .param("name", c.name())
        .param("type", c.type().name())
        .param("person", c.primaryPersonId())
        .param("os", c.os())
        .param("serial", c.serial())
        .update();
  }

  /** Writes every field but the id, and bumps the version; the caller has locked the row. */
  void update(Computer c) {
    jdbc.sql(
            """
            update computer
               set tenant_id = :tenant, name = :name, type = :type, primary_person_id = :person,
                   os = :os, serial = :serial, version = version + 1, updated_at = now()
             where id = :id
            """)
        .param("id", c.id())
        .param("tenant", c.tenantId())
        .param("name", c.name())
        .param("type", c.type().name())
        .param("person", c.primaryPersonId())
        .param("os", c.os())
        .param("serial", c.serial())
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("delete from computer where id = ?").param(id).update();
  }

  boolean tag(UUID computerId, UUID tagId) {
    return jdbc.sql(
                "insert into computer_tag (computer_id, tag_id) values (?, ?) on conflict do nothing")
            .params(computerId, tagId)
            .update()
        == 1;
  }

  boolean untag(UUID computerId, UUID tagId) {
    return jdbc.sql("delete from computer_tag where computer_id = ? and tag_id = ?")
            .params(computerId, tagId)
            .update()
        == 1;
  }

  /** The tenant of each given person that exists. */
  Map<UUID, UUID> tenantsOfPeople(Collection<UUID> personIds) {
    Map<UUID, UUID> tenants = new HashMap<>();
    jdbc.sql("select id, tenant_id from person where id = any(:ids)")
        .param("ids", personIds.toArray(new UUID[0]))
        .query(
            rs -> {
              tenants.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
            });
    return tenants;
  }

  static Computer map(ResultSet rs) throws SQLException {
    @Nullable UUID person = rs.getObject("primary_person_id", UUID.class);
    return new Computer(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("name"),
        ComputerType.valueOf(rs.getString("type")),
        person,
        rs.getString("os"),
        rs.getString("serial"),
        rs.getLong("version"));
  }
}
