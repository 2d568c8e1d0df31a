package dev.tenantry.deployments.internal;

import dev.tenantry.deployments.ApplicableDeployments;
import dev.tenantry.deployments.AppliedDeployment;
import dev.tenantry.tenancy.InheritedFlags;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
    return Precedence.winners(candidates(computerId)).stream()
        .map(ComputerDeployments::applied)
        .toList();
  }

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
