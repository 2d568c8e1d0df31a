package dev.tenantry.deployments.internal;

import dev.tenantry.deployments.ApplicableDeployments;
import dev.tenantry.deployments.AppliedDeployment;
import dev.tenantry.shared.db.Rows;
import dev.tenantry.tenancy.InheritedFlags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
    Map<UUID, List<Won>> won = new LinkedHashMap<>();
    if (computerIds.isEmpty()) {
      return Map.of();
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
                  List<Won> list = won.computeIfAbsent(computer, k -> new ArrayList<>());
                  if (rs.getObject("id", UUID.class) != null) {
                    list.add(
                        new Won(
                            new AppliedDeployment(
                                rs.getObject("id", UUID.class),
                                rs.getString("subject_kind"),
                                rs.getObject("subject_id", UUID.class),
                                rs.getObject("version_id", UUID.class),
                                rs.getString("desired_state"),
                                rs.getString("target_kind"),
                                rs.getBoolean("enforced"),
                                rs.getInt("priority")),
                            rs.getInt("rank"),
                            rs.getInt("distance"),
                            rs.getTimestamp("created_at").toInstant()));
                  }
                });
    Map<UUID, List<AppliedDeployment>> out = new LinkedHashMap<>();
    won.forEach(
        (computer, list) -> {
          list.sort(WON_ORDER); // the answer's order; which ones won was decided in SQL
          out.put(computer, list.stream().map(Won::applied).toList());
        });
    return out;
  }

  /** A winner with what orders it among the computer's winners (as {@link Precedence#ORDER}). */
  private record Won(AppliedDeployment applied, int rank, int distance, Instant createdAt) {}

  private static final Comparator<Won> WON_ORDER =
      Comparator.comparing((Won w) -> !w.applied().enforced())
          .thenComparingInt(Won::rank)
          .thenComparingInt(Won::distance)
          .thenComparing(w -> -w.applied().priority())
          .thenComparing(Won::createdAt, Comparator.reverseOrder())
          .thenComparing(w -> w.applied().deploymentId().toString());

  /*
   * The winners of a batch of computers in one statement, with the precedence of Precedence.ORDER
   * (the reference, still used for the computer page's full list): rank 0 computer, 1 person, 2
   * tenant (distance = how far up the ancestor is), 3 tenant tag, 4 cross-tenant. Each lookup uses
   * the index of its target column; the ancestry is a recursive walk up parent_id (bounded).
   *
   * Cross-tenant deployments are most of what reaches a computer (every computer of the instance)
   * and are the same for every tenant of an MSP: they are reduced to one winner per subject once
   * per MSP ("xw"). The few other candidates of each computer (its own, its person's, its tenant's
   * and ancestors', its tenant's tags) are reduced per subject ("ncw"). A computer's winners are
   * then the ncw rows that no applicable cross-tenant winner of the same subject beats, and the
   * cross-tenant winners that no ncw row beats ("beats" = a smaller precedence key, K below) — no
   * sort over computers x cross-tenant deployments. The minimum of a total order over a union is the
   * minimum of the per-part minima, so this equals deciding over all candidates at once. Every
   * answered column is carried along (no lookup of the winners afterwards); the answer's order
   * within a computer is sorted in Java. One row with a null id per computer makes every known
   * computer a key of the answer.
   */
  private static final String CARRIED =
      "id, subject_kind, subject_id, version_id, desired_state, target_kind, enforced, priority,"
          + " created_at";
  private static final String D =
      "d.id, d.subject_kind, d.subject_id, coalesce(d.software_version_id, d.task_version_id),"
          + " d.desired_state, d.target_kind, d.enforced, d.priority, d.created_at";
  private static final String ORDER =
      " enforced desc, rank, distance, priority desc, created_at desc, id";

  /** The precedence key of a row aliased {@code a}, compared as a row: smaller wins. */
  private static String k(String a) {
    return "(case when "
        + a
        + ".enforced then 0 else 1 end, "
        + a
        + ".rank, "
        + a
        + ".distance, -"
        + a
        + ".priority, -extract(epoch from "
        + a
        + ".created_at), "
        + a
        + ".id)";
  }

  private static String sameSubject(String a, String b) {
    return a
        + ".subject_kind = "
        + b
        + ".subject_kind and "
        + a
        + ".subject_id = "
        + b
        + ".subject_id";
  }

  static final String WINNERS =
      "with recursive"
          + " comp as (select c.id as computer_id, c.tenant_id, c.primary_person_id, t.msp_id"
          + "  from computer c join tenant t on t.id = c.tenant_id where c.id = any(:ids)),"
          + " ten as (select distinct tenant_id, msp_id from comp),"
          + " anc (tenant_id, id, depth) as (select tenant_id, tenant_id, 0 from ten union all"
          + "  select anc.tenant_id, x.parent_id, anc.depth + 1 from anc join tenant x on x.id = anc.id"
          + "  where x.parent_id is not null and anc.depth < 10000),"
          // the exclusion: the nearest own-or-ancestor value, else the application's / default
          // (a join, not a subquery per tenant that would scan the whole ancestry of the batch)
          + " tex as (select ten.tenant_id, ten.msp_id, coalesce(e.v, :fallback) as excluded from ten"
          + "  left join (select distinct on (a.tenant_id) a.tenant_id, p.value = 'true'::jsonb as v"
          + "  from anc a join preference p on p.level = 'TENANT' and p.tenant_id = a.id and p.key = :key"
          + "  order by a.tenant_id, a.depth) e on e.tenant_id = ten.tenant_id),"
          + " xw (msp_id, rank, distance, "
          + CARRIED
          + ") as (select distinct on (m.msp_id, d.subject_kind, d.subject_id) m.msp_id, 4, 0, "
          + D
          + "  from (select distinct msp_id from ten) m join deployment d on d.target_kind = 'CROSS_TENANT'"
          + "  and (d.target_msp_id is null or d.target_msp_id = m.msp_id)"
          + "  order by m.msp_id, d.subject_kind, d.subject_id, d.enforced desc, d.priority desc,"
          + "  d.created_at desc, d.id),"
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
          + "   where d.target_msp_id is null or d.target_msp_id = x.msp_id),"
          + " nc (computer_id, rank, distance, "
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
          + "  union all select c.computer_id, w.rank, w.distance, w."
          + CARRIED.replace(", ", ", w.")
          + " from comp c join tc w on w.tenant_id = c.tenant_id),"
          + " ncw as materialized (select distinct on (computer_id, subject_kind, subject_id) * from nc"
          + "  order by computer_id, subject_kind, subject_id,"
          + ORDER
          + ")"
          + " select n.computer_id, n.rank, n.distance, n."
          + CARRIED.replace(", ", ", n.")
          + " from ncw n join comp c on c.computer_id = n.computer_id"
          + " join tex t on t.tenant_id = c.tenant_id"
          + " where t.excluded or not exists (select 1 from xw x where x.msp_id = c.msp_id and "
          + sameSubject("x", "n")
          + " and "
          + k("x")
          + " < "
          + k("n")
          + ")"
          + " union all select c.computer_id, x.rank, x.distance, x."
          + CARRIED.replace(", ", ", x.")
          + " from comp c join tex t on t.tenant_id = c.tenant_id and not t.excluded"
          + " join xw x on x.msp_id = c.msp_id"
          + " where not exists (select 1 from ncw n where n.computer_id = c.computer_id and "
          + sameSubject("n", "x")
          + " and "
          + k("n")
          + " < "
          + k("x")
          + ")"
          + " union all select computer_id, null, null, null, null, null, null, null, null, null, null,"
          + " null from comp";

  /** Every deployment reaching the computer, unordered; empty for an unknown computer. */
  List<Precedence.Candidate> candidates(UUID computerId) {
    Optional<Where> found =
        jdbc.sql(
                "select c.id, c.tenant_id, c.primary_person_id as person_id, t.msp_id from computer c"
                    + " join tenant t on t.id = c.tenant_id where c.id = ?")
            .param(computerId)
            .query(Rows.of(Where.class))
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
