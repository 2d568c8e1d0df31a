package dev.tenantry.directory.internal;

import dev.tenantry.directory.Person;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.VisibleTenants;
import dev.tenantry.shared.db.Counts;
import dev.tenantry.shared.db.Keyset;
import dev.tenantry.shared.db.Like;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people list and the assembly of {@link PersonView}s (tags and user ids in batch). */
@Repository
class PersonReads {
  private final JdbcClient jdbc;
  private final TagLinks tags;

  PersonReads(JdbcClient jdbc, TagLinks tags) {
    this.jdbc = jdbc;
    this.tags = tags;
  }

  PersonView view(Person p) {
    return views(List.of(p)).getFirst();
  }

  List<PersonView> views(List<Person> people) {
    List<UUID> ids = people.stream().map(Person::id).toList();
    Map<UUID, List<TagRef>> tagsById = tags.of(TagLinks.Owner.PERSON, ids);
    Map<UUID, UUID> users = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("select person_id, id from app_user where person_id = any(:ids)")
          .param("ids", ids.toArray(new UUID[0]))
          .query(
              rs -> {
                users.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
              });
    }
    return people.stream()
        .map(p -> new PersonView(p, tagsById.getOrDefault(p.id(), List.of()), users.get(p.id())))
        .toList();
  }

  /**
   * One page of people, restricted in SQL to {@code visibleTenants}, sorted by (lower(family name),
   * lower(given name), id) along an index; by keyset ({@code after}) or page number.
   */
  Page<PersonView> search(PersonQuery q, VisibleTenants visibleTenants) {
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new LinkedHashMap<>();
    where.append(" and ").append(visibleTenants.sql("p.tenant_id", "visible", params));
    if (q.tenantId() != null) {
      where.append(" and p.tenant_id = :tenant");
      params.put("tenant", q.tenantId());
    }
    if (q.tagId() != null) {
      where.append(
          " and exists (select 1 from person_tag pt where pt.person_id = p.id and pt.tag_id = :tag)");
      params.put("tag", q.tagId());
    }
    if (q.q() != null && !q.q().isBlank()) {
      where
          .append(" and (p.given_name || ' ' || p.family_name ilike :q")
          .append(" or p.family_name || ' ' || p.given_name ilike :q")
          .append(" or p.email ilike :q)");
      params.put("q", Like.contains(q.q()));
    }
    Counts.Total total = Counts.of(jdbc, "person p" + where, params);
    long offset = (long) q.page() * q.size();
    if (q.after() != null) {
      Keyset after = Keyset.decode(q.after(), 2);
      where.append(
          " and (lower(p.family_name), lower(p.given_name), p.id) > (:after_k0, :after_k1, :after_id)");
      params.put("after_k0", after.keys().get(0));
      params.put("after_k1", after.keys().get(1));
      params.put("after_id", after.id());
      offset = 0;
    }
    params.put("limit", q.size() + 1);
    params.put("offset", offset);
    List<Keyset> keys = new ArrayList<>();
    List<Person> people =
        jdbc.sql(
                "select "
                    + PersonRepository.columns()
                    + ", lower(p.family_name) as sort_k0, lower(p.given_name) as sort_k1"
                    + " from person p"
                    + where
                    + " order by lower(p.family_name), lower(p.given_name), p.id"
                    + " limit :limit offset :offset")
            .params(params)
            .query(
                (rs, n) -> {
                  Person p = PersonRepository.map(rs);
                  keys.add(
                      new Keyset(
                          List.of(rs.getString("sort_k0"), rs.getString("sort_k1")), p.id()));
                  return p;
                })
            .list();
    String next = null;
    if (people.size() > q.size()) {
      people = people.subList(0, q.size());
      next = keys.get(q.size() - 1).encode();
    }
    return new Page<>(views(people), q.page(), q.size(), total.value(), total.estimated(), next);
  }
}
