package dev.tenantry.deployments.internal;

import dev.tenantry.deployments.ApplicableDeployments;
import dev.tenantry.deployments.AppliedDeployment;
import dev.tenantry.tenancy.InheritedFlags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which deployments reach one computer now (DESIGN §8), found in SQL by each target kind's index
 * over the computer's tenant, its ancestors, its tenant's tags and MSP and its primary person; no
 * access check (maintenance sessions record the winners; the API filters what its caller sees).
 */
@Service
@Transactional(readOnly = true)
public class ComputerDeployments implements ApplicableDeployments {
  static final String EXCLUDE_PREFERENCE = "maintenance.excludeFromCrossTenant";
  private static final String COLUMNS = DeploymentRepository.COLUMNS;

  private final JdbcClient jdbc;
  private final InheritedFlags flags;

  ComputerDeployments(JdbcClient jdbc, InheritedFlags flags) {
    this.jdbc = jdbc;
    this.flags = flags;
  }

  private record Where(UUID id, UUID tenantId, @Nullable UUID personId, UUID mspId) {}

  @Override
  public List<AppliedDeployment> forComputer(UUID computerId) {
    return forComputers(List.of(computerId)).getOrDefault(computerId, List.of());
  }

  @Override
  public Map<UUID, List<AppliedDeployment>> forComputers(Collection<UUID> computerIds) {
    Map<UUID, List<AppliedDeployment>> out = new LinkedHashMap<>();
    if (computerIds.isEmpty()) {
      return out;
    }
    UUID[] ids = new LinkedHashSet<>(computerIds).toArray(UUID[]::new);
    jdbc.sql(WINNERS)
        .param("ids", ids)
        .param("key", EXCLUDE_PREFERENCE)
        .param("fallback", flags.fallback(EXCLUDE_PREFERENCE))
        .query(
            (RowCallbackHandler)
                rs -> {
                  UUID computer = rs.getObject("computer_id", UUID.class);
                  List<AppliedDeployment> list =
                      out.computeIfAbsent(computer, k -> new ArrayList<>());
                  if (rs.getObject("id", UUID.class) != null) {
                    list.add(
                        new AppliedDeployment(
                            rs.getObject("id", UUID.class),
                            rs.getString("subject_kind"),
                            rs.getObject("subject_id", UUID.class),
                            rs.getObject("version_id", UUID.class),
                            rs.getString("desired_state"),
                            rs.getString("target_kind"),
                            rs.getBoolean("enforced"),
                            rs.getInt("priority")));
                  }
                });
    return out;
  }

  /*
   * The winners of a batch of computers in one statement, with the precedence of Precedence.ORDER
   * (the reference, still used for the computer page's full list): rank 0 computer, 1 person, 2
   * tenant (distance = how far up the ancestor is), 3 tenant tag, 4 cross-tenant. Candidates that
   * come from the tenant (tenant, tag, cross-tenant) are the same for every computer of a tenant:
   * they are found and reduced to one per subject once per tenant ("tw"), then merged with each
   * computer's own (computer and person targets). The minimum of a total order over a union is the
   * minimum of the minima, so this equals deciding over all candidates at once. Each lookup uses
   * the index of its target column; the ancestry is a recursive walk up parent_id (bounded). A
   * computer without any winner still answers one row (null id) so that it is a key of the map.
   */
  private static final String CARRIED =
      "id, subject_kind, subject_id, version_id, desired_state, target_kind, enforced, priority,"
          + " created_at";
  private static final String D =
      "d.id, d.subject_kind, d.subject_id, coalesce(d.software_version_id, d.task_version_id),"
          + " d.desired_state, d.target_kind, d.enforced, d.priority, d.created_at";
  private static final String CARRIED_W =
      "w.id, w.subject_kind, w.subject_id, w.version_id, w.desired_state, w.target_kind, w.enforced,"
          + " w.priority, w.created_at";
  private static final String ORDER =
      " enforced desc, rank, distance, priority desc, created_at desc, id";
  static final String WINNERS =
      "with recursive"
          + " comp as (select c.id as computer_id, c.tenant_id, c.primary_person_id, t.msp_id"
          + "  from computer c join tenant t on t.id = c.tenant_id where c.id = any(:ids)),"
          + " ten as (select distinct tenant_id, msp_id from comp),"
          + " anc (tenant_id, id, depth) as (select tenant_id, tenant_id, 0 from ten union all"
          + "  select anc.tenant_id, x.parent_id, anc.depth + 1 from anc join tenant x on x.id = anc.id"
          + "  where x.parent_id is not null and anc.depth < 10000),"
          + " tex as (select ten.tenant_id, ten.msp_id, coalesce((select p.value = 'true'::jsonb"
          + "  from anc a join preference p on p.level = 'TENANT' and p.tenant_id = a.id and p.key = :key"
          + "  where a.tenant_id = ten.tenant_id order by a.depth limit 1), :fallback) as excluded from ten),"
          + " tc (tenant_id, rank, distance, "
          + CARRIED
          + ") as ("
          + "  select anc.tenant_id, 2, anc.depth, "
          + D
          + " from anc join deployment d on d.target_tenant_id = anc.id"
          + "   where anc.depth = 0 or d.include_children"
          + "  union all select x.tenant_id, 3, 0, "
          + D
          + " from tex x join tenant_tag tt on tt.tenant_id = x.tenant_id"
          + "   join deployment d on d.target_tag_id = tt.tag_id"
          + "   where d.target_msp_id is null or d.target_msp_id = x.msp_id"
          + "  union all select x.tenant_id, 4, 0, "
          + D
          + " from tex x join deployment d on d.target_kind = 'CROSS_TENANT'"
          + "   and (d.target_msp_id is null or d.target_msp_id = x.msp_id) where not x.excluded),"
          + " tw as (select distinct on (tenant_id, subject_kind, subject_id) * from tc"
          + "  order by tenant_id, subject_kind, subject_id,"
          + ORDER
          + "),"
          + " cand (computer_id, rank, distance, "
          + CARRIED
          + ") as ("
          + "  select c.computer_id, 0, 0, "
          + D
          + " from comp c"
          + "   join deployment d on d.target_computer_id = c.computer_id and d.owner_tenant_id = c.tenant_id"
          + "  union all select c.computer_id, 1, 0, "
          + D
          + " from comp c"
          + "   join person pp on pp.id = c.primary_person_id and pp.tenant_id = c.tenant_id"
          + "   join deployment d on d.target_person_id = pp.id and d.owner_tenant_id = c.tenant_id"
          + "  union all select c.computer_id, w.rank, w.distance, "
          + CARRIED_W
          + " from comp c join tw w on w.tenant_id = c.tenant_id),"
          + " win as (select distinct on (computer_id, subject_kind, subject_id) * from cand"
          + "  order by computer_id, subject_kind, subject_id,"
          + ORDER
          + ")"
          // every column the answer needs is carried along: no lookup of the winners afterwards
          + " select comp.computer_id, w.id, w.subject_kind, w.subject_id, w.version_id, w.desired_state,"
          + " w.target_kind, w.enforced, w.priority from comp left join win w on w.computer_id = comp.computer_id"
          + " order by comp.computer_id, w.enforced desc, w.rank, w.distance, w.priority desc,"
          + " w.created_at desc, w.id";

  /** Every deployment reaching the computer, unordered; empty for an unknown computer. */
  List<Precedence.Candidate> candidates(UUID computerId) {
    Optional<Where> found =
        jdbc.sql(
                "select c.id, c.tenant_id, c.primary_person_id as person_id, t.msp_id from computer c"
                    + " join tenant t on t.id = c.tenant_id where c.id = ?")
            .param(computerId)
            .query(Where.class)
            .optional();
    if (found.isEmpty()) {
      return List.of();
    }
    Where w = found.get();
    boolean excluded = flags.isTrue(w.tenantId(), EXCLUDE_PREFERENCE);
    String person =
        w.personId() == null
            ? ""
            : " union all select "
                + COLUMNS
                + ", 1 as rank, 0 as distance from deployment d join person pp on pp.id = d.target_person_id"
                + " where d.target_person_id = :p and pp.tenant_id = :t and d.owner_tenant_id = :t";
    String cross =
        excluded
            ? ""
            : " union all select "
                + COLUMNS
                + ", 4, 0 from deployment d where d.target_kind = 'CROSS_TENANT'"
                + " and (d.target_msp_id is null or d.target_msp_id = :m)";
    var spec =
        jdbc.sql(
                "with recursive anc (id, depth) as (select cast(:t as uuid), 0 union all"
                    + " select x.parent_id, anc.depth + 1 from anc join tenant x on x.id = anc.id"
                    + " where x.parent_id is not null and anc.depth < 10000)"
                    + " select "
                    + COLUMNS
                    + ", 0 as rank, 0 as distance from deployment d"
                    + " where d.target_computer_id = :c and d.owner_tenant_id = :t"
                    + person
                    + " union all select "
                    + COLUMNS
                    + ", 2, anc.depth from anc join deployment d on d.target_tenant_id = anc.id"
                    + " where anc.depth = 0 or d.include_children"
                    + " union all select "
                    + COLUMNS
                    + ", 3, 0 from deployment d where d.target_tag_id in"
                    + " (select tag_id from tenant_tag where tenant_id = :t)"
                    + " and (d.target_msp_id is null or d.target_msp_id = :m)"
                    + cross)
            .param("c", w.id())
            .param("t", w.tenantId())
            .param("m", w.mspId());
    if (w.personId() != null) {
      spec = spec.param("p", w.personId());
    }
    return spec.query(
            (rs, n) ->
                new Precedence.Candidate(
                    DeploymentRepository.row(rs, n), rs.getInt("rank"), rs.getInt("distance")))
        .list();
  }

  static AppliedDeployment applied(Precedence.Candidate c) {
    Deployment d = c.deployment();
    return new AppliedDeployment(
        d.id(),
        d.subjectKind(),
        d.subjectId(),
        d.versionId(),
        d.desiredState(),
        d.target().kind(),
        d.enforced(),
        d.priority());
  }
}
