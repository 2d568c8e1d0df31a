package dev.tenantry.directory.internal;

import dev.tenantry.directory.EntraState;
import dev.tenantry.directory.Person;
import dev.tenantry.directory.PersonSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The person aggregate: its row and its tags. */
@Repository
class PersonRepository {
  private static final String COLUMNS =
      "p.id, p.tenant_id, p.given_name, p.family_name, p.email, p.azure_object_id, p.source, p.version,"
          + " p.entra_state";
  private final JdbcClient jdbc;

  PersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Person> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from person p where p.id = ?")
        .param(id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Loads and locks the row until the transaction ends. */
  Optional<Person> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from person p where p.id = ? for update")
        .param(id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  void insert(Person p) {
    jdbc.sql(
            """
            insert into person (id, tenant_id, given_name, family_name, email, azure_object_id, source)
            values (:id, :tenant, :given, :family, :email, :oid, :source)
            """)
        .param("id", p.id())
        .param("tenant", p.tenantId())
        .param("given", p.givenName())
        .param("family", p.familyName())
        .param("email", p.email())
        .param("oid", p.azureObjectId())
        .param("source", p.source().name())
        .update();
  }

  /** Writes the editable fields and bumps the version; the caller has locked the row. */
  void update(Person p) {
    jdbc.sql(
            """
            update person
               set given_name = :given, family_name = :family, email = :email,
                   azure_object_id = :oid, version = version + 1, updated_at = now()
             where id = :id
            """)
        .param("id", p.id())
        .param("given", p.givenName())
        .param("family", p.familyName())
        .param("email", p.email())
        .param("oid", p.azureObjectId())
        .update();
  }

  /** Clears the person as primary person of its computers (bumping their versions); their ids. */
  List<UUID> clearPrimaryPersonOnComputers(UUID personId) {
    return jdbc.sql(
            """
            update computer set primary_person_id = null, version = version + 1, updated_at = now()
             where primary_person_id = ?
            returning id
            """)
        .param(personId)
        .query(UUID.class)
        .list();
  }

  void delete(UUID id) {
    jdbc.sql("delete from person where id = ?").param(id).update();
  }

  Optional<UUID> userIdOf(UUID personId) {
    return jdbc.sql("select id from app_user where person_id = ?")
        .param(personId)
        .query(UUID.class)
        .optional();
  }

  boolean azureObjectIdTaken(UUID tenantId, UUID azureObjectId, @Nullable UUID exceptPersonId) {
    return jdbc.sql(
            """
            select exists (select 1 from person
                            where tenant_id = :tenant and azure_object_id = :oid
                              and id is distinct from :except)
            """)
        .param("tenant", tenantId)
        .param("oid", azureObjectId)
        .param("except", exceptPersonId)
        .query(Boolean.class)
        .single();
  }

  /** True when the tag was added (false when the person already carried it). */
  boolean tag(UUID personId, UUID tagId) {
    return jdbc.sql(
                "insert into person_tag (person_id, tag_id) values (?, ?) on conflict do nothing")
            .params(personId, tagId)
            .update()
        == 1;
  }

  /** True when the tag was removed (false when the person did not carry it). */
  boolean untag(UUID personId, UUID tagId) {
    return jdbc.sql("delete from person_tag where person_id = ? and tag_id = ?")
            .params(personId, tagId)
            .update()
        == 1;
  }

  static Person map(ResultSet rs) throws SQLException {
    return new Person(
        rs.getObject("id", UUID.class),
        rs.getObject("tenant_id", UUID.class),
        rs.getString("given_name"),
        rs.getString("family_name"),
        rs.getString("email"),
        rs.getObject("azure_object_id", UUID.class),
        PersonSource.valueOf(rs.getString("source")),
        rs.getLong("version"),
        EntraState.valueOf(rs.getString("entra_state")));
  }

  static String columns() {
    return COLUMNS;
  }
}
