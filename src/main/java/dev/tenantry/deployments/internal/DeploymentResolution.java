package dev.tenantry.deployments.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.ComputerFilter;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.db.Counts;
import dev.tenantry.shared.db.Rows;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.InheritedFlags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolution (DESIGN §8): which computers a deployment, or an unsaved target, reaches now — a count
 * and a page by name, in SQL over the current tree and tags, limited to the computers the caller
 * may view; and the reverse, every deployment reaching one computer with its outcome.
 */
@Service
@Transactional(readOnly = true)
public class DeploymentResolution {
  private final JdbcClient jdbc;
  private final Authorizer authorizer;
  private final DeploymentAccess access;
  private final DeploymentService deployments;
  private final ComputerDeployments computerDeployments;
  private final InheritedFlags flags;

  DeploymentResolution(
      JdbcClient jdbc,
      Authorizer authorizer,
      DeploymentAccess access,
      DeploymentService deployments,
      ComputerDeployments computerDeployments,
      InheritedFlags flags) {
    this.jdbc = jdbc;
    this.authorizer = authorizer;
    this.access = access;
    this.deployments = deployments;
    this.computerDeployments = computerDeployments;
    this.flags = flags;
  }

  /** A computer a deployment reaches. */
  public record Reached(UUID id, String name, String type, UUID tenantId, String tenantName) {}

  /** One deployment on a computer: it applies, or another one overrides it. */
  public record OnComputer(
      Deployment deployment, String outcome, @Nullable UUID overriddenBy, String reason) {}

  public Page<Reached> computers(UUID deploymentId, int page, int size) {
    UUID user = authorizer.requireUser();
    Deployment d = deployments.visible(user, deploymentId);
    return resolve(d.deploymentTarget(), d.ownerTenantId(), page, size);
  }

  /** The computers an unsaved target would reach (the editor's live preview). */
  public Page<Reached> preview(TargetInput target, int page, int size) {
    UUID user = authorizer.requireUser();
    Placement p = access.place(user, target.toTarget());
    return resolve(p.target(), p.ownerTenantId(), page, size);
  }

  private Page<Reached> resolve(DeploymentTarget target, @Nullable UUID owner, int page, int size) {
    ComputerFilter visible = authorizer.computers(Permission.COMPUTERS_VIEW);
    return page(jdbc, target, owner, excluded(target), visible.sql("c"), page, size);
  }

  private Set<UUID> excluded(DeploymentTarget target) {
    return target instanceof DeploymentTarget.CrossTenant
        ? flags.tenantsWhereTrue(ComputerDeployments.EXCLUDE_PREFERENCE)
        : Set.of();
  }

  /**
   * The count and one page by name (also run by the benchmark). The page walks the name index
   * ({@code computer_name_sort_idx}) and stops after {@code size} matches. The total is counted
   * only when small: as the computer list does ({@link Counts}), a resolution over more than {@link
   * Counts#EXACT} computers answers PostgreSQL's estimate and says so ({@code totalEstimated}), so
   * resolving a cross-tenant deployment over a million computers never scans them to count.
   */
  static Page<Reached> page(
      JdbcClient jdbc,
      DeploymentTarget target,
      @Nullable UUID owner,
      Set<UUID> excluded,
      SqlPredicate visible,
      int page,
      int size) {
    SqlPredicate where = where(target, owner, excluded, visible);
    List<Reached> items =
        jdbc.sql(PAGE + where.sql() + ORDER)
            .params(where.params())
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(Rows.of(Reached.class))
            .list();
    if (page == 0 && items.size() < size) {
      return new Page<>(items, page, size, items.size());
    }
    Counts.Total total = Counts.of(jdbc, "computer c where " + where.sql(), where.params());
    // an estimate is never below what the page itself shows
    long value = Math.max(total.value(), (long) page * size + items.size());
    return new Page<>(items, page, size, value, total.estimated(), null);
  }

  static final String PAGE =
      "select c.id, c.name, c.type, c.tenant_id, t.name as tenant_name from computer c"
          + " join tenant t on t.id = c.tenant_id where ";
  static final String ORDER = " order by lower(c.name), c.id limit :limit offset :offset";

  static SqlPredicate where(
      DeploymentTarget target, @Nullable UUID owner, Set<UUID> excluded, SqlPredicate visible) {
    SqlPredicate reaches = TargetSql.reaches(target, owner, excluded);
    Map<String, Object> params = new HashMap<>(reaches.params());
    params.putAll(visible.params());
    return new SqlPredicate("(" + reaches.sql() + ") and (" + visible.sql() + ")", params);
  }

  /**
   * Every deployment the caller may view that reaches the computer, in precedence order, with its
   * outcome; the winner that overrides one may be a deployment the caller cannot view (then only
   * "overridden" is said, without its id). 404 for a computer the caller may not view.
   */
  public List<OnComputer> forComputer(UUID computerId) {
    UUID user = authorizer.requireUser();
    authorizer.requireVisible(
        Permission.COMPUTERS_VIEW, Target.computer(computerId), "computer", computerId);
    return Precedence.decide(computerDeployments.candidates(computerId)).stream()
        .filter(o -> access.canView(user, o.candidate().deployment()))
        .map(
            o -> {
              UUID winner = o.overriddenBy();
              boolean winnerVisible = winner != null && deploymentVisible(user, winner);
              return new OnComputer(
                  o.candidate().deployment(),
                  o.applies() ? "APPLIES" : "OVERRIDDEN",
                  winnerVisible ? winner : null,
                  reason(o.candidate()));
            })
        .toList();
  }

  private boolean deploymentVisible(UUID user, UUID id) {
    try {
      deployments.visible(user, id);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  private static String reason(Precedence.Candidate c) {
    String what =
        switch (c.rank()) {
          case 0 -> "computer";
          case 1 -> "primary person";
          case 2 -> c.distance() == 0 ? "tenant" : "inherited from a parent tenant";
          case 3 -> "tenant tag";
          default -> "cross-tenant";
        };
    return (c.deployment().enforced() ? "enforced, " : "")
        + what
        + ", priority "
        + c.deployment().priority();
  }
}
