package dev.tenantry.deployments.internal;

import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A target as the API sends and shows it: {@code kind} and the fields of that kind ({@code
 * computerId}; {@code personId}; {@code tenantId} and {@code includeChildren}; {@code tagId} and
 * optional {@code mspId}; optional {@code mspId} for cross-tenant, absent = the whole instance).
 */
public record TargetInput(
    String kind,
    @Nullable UUID computerId,
    @Nullable UUID personId,
    @Nullable UUID tenantId,
    @Nullable Boolean includeChildren,
    @Nullable UUID tagId,
    @Nullable UUID mspId) {

  public static TargetInput of(DeploymentTarget t) {
    return switch (t) {
      case DeploymentTarget.Computer c ->
          new TargetInput(t.kind(), c.computerId(), null, null, null, null, null);
      case DeploymentTarget.Person p ->
          new TargetInput(t.kind(), null, p.personId(), null, null, null, null);
      case DeploymentTarget.Tenant x ->
          new TargetInput(t.kind(), null, null, x.tenantId(), x.includeChildren(), null, null);
      case DeploymentTarget.TenantTag g ->
          new TargetInput(t.kind(), null, null, null, null, g.tagId(), g.mspId());
      case DeploymentTarget.CrossTenant x ->
          new TargetInput(t.kind(), null, null, null, null, null, x.mspId());
    };
  }

  /** The target, or 400 naming the missing or superfluous field. */
  public DeploymentTarget toTarget() {
    String k = kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (k) {
      case "COMPUTER" -> {
        only("computerId", computerId);
        yield new DeploymentTarget.Computer(computerId);
      }
      case "PERSON" -> {
        only("personId", personId);
        yield new DeploymentTarget.Person(personId);
      }
      case "TENANT" -> {
        only("tenantId", tenantId);
        yield new DeploymentTarget.Tenant(tenantId, Boolean.TRUE.equals(includeChildren));
      }
      case "TENANT_TAG" -> {
        only("tagId", tagId);
        yield new DeploymentTarget.TenantTag(tagId, mspId);
      }
      case "CROSS_TENANT" -> {
        only("mspId", null);
        yield new DeploymentTarget.CrossTenant(mspId);
      }
      default ->
          throw ApiException.invalid(
              "target.kind must be one of COMPUTER, PERSON, TENANT, TENANT_TAG, CROSS_TENANT");
    };
  }

  /** The named field must be set (unless null is passed), and no other id field of another kind. */
  private void only(String field, @Nullable UUID required) {
    if (!field.equals("mspId") && required == null) {
      throw ApiException.invalid("target." + field + " is required for a " + kind + " target");
    }
    check("computerId", computerId, field);
    check("personId", personId, field);
    check("tenantId", tenantId, field);
    check("tagId", tagId, field);
    if (mspId != null && !field.equals("tagId") && !field.equals("mspId")) {
      throw ApiException.invalid(
          "target.mspId applies only to TENANT_TAG and CROSS_TENANT targets");
    }
    if (Boolean.TRUE.equals(includeChildren) && !field.equals("tenantId")) {
      throw ApiException.invalid("target.includeChildren applies only to TENANT targets");
    }
  }

  private static void check(String name, @Nullable UUID value, String allowed) {
    if (value != null && !name.equals(allowed)) {
      throw ApiException.invalid("target." + name + " does not belong to this kind of target");
    }
  }
}
