package dev.tenantry.deployments.internal;

import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** List filters: a name search, the owner tenant, the target kind, the subject; a page. */
public record DeploymentQuery(
    @Nullable String q,
    @Nullable UUID ownerTenantId,
    @Nullable String targetKind,
    @Nullable UUID subjectId,
    int page,
    int size) {
  private static final Set<String> KINDS =
      Set.of("COMPUTER", "PERSON", "TENANT", "TENANT_TAG", "CROSS_TENANT");

  public DeploymentQuery {
    page = Page.page(page);
    size = Page.size(size);
    if (targetKind != null && !KINDS.contains(targetKind)) {
      throw ApiException.invalid(
          "targetKind must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
    }
    if (q != null && q.length() > 200) {
      throw ApiException.invalid("q is at most 200 characters");
    }
  }

  SqlPredicate where(SqlPredicate visible) {
    Map<String, Object> p = new HashMap<>(visible.params());
    StringBuilder sql = new StringBuilder(visible.sql());
    if (q != null && !q.isBlank()) {
      sql.append(" and d.name ilike :q escape '\\'");
      p.put(
          "q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (ownerTenantId != null) {
      sql.append(" and d.owner_tenant_id = :qOwner");
      p.put("qOwner", ownerTenantId);
    }
    if (targetKind != null) {
      sql.append(" and d.target_kind = :qKind");
      p.put("qKind", targetKind);
    }
    if (subjectId != null) {
      sql.append(" and d.subject_id = :qSubject");
      p.put("qSubject", subjectId);
    }
    return new SqlPredicate(sql.toString(), p);
  }
}
