package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.TenantKind;
import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** Validation and tree rules shared by creating and updating a tenant. */
@Component
class TenantRules {
  private final TenantRepository tenants;
  private final TenantTree tree;

  TenantRules(TenantRepository tenants, TenantTree tree) {
    this.tenants = tenants;
    this.tree = tree;
  }

  /** Field checks, then uniqueness (name, slug, Azure tenant id) against other tenants. */
  void validate(TenantDraft d, @Nullable UUID self) {
    if (d.name() == null || d.name().isBlank()) {
      throw ApiException.invalid("name must not be blank");
    }
    if (d.name().length() > 200) {
      throw ApiException.invalid("name must be at most 200 characters");
    }
    if (d.description().length() > 2000) {
      throw ApiException.invalid("description must be at most 2000 characters");
    }
    if (d.slug() != null && !Slugs.valid(d.slug())) {
      throw ApiException.invalid(
          "slug '"
              + d.slug()
              + "' must be lower-case letters and digits in words separated by single dashes");
    }
    if (tenants.nameTaken(d.name(), self)) {
      throw ApiException.duplicate("A tenant named '" + d.name() + "' already exists");
    }
    if (d.slug() != null && tenants.slugTaken(d.slug(), self)) {
      throw ApiException.duplicate("A tenant with slug '" + d.slug() + "' already exists");
    }
    if (d.azureTenantId() != null && tenants.azureTenantTaken(d.azureTenantId(), self)) {
      throw ApiException.duplicate(
          "Azure tenant " + d.azureTenantId() + " is already linked to another tenant");
    }
  }

  /** The parent, which must exist and must not be {@code self} or below it (no cycles). */
  @Nullable TenantRow parent(TenantDraft d, @Nullable UUID self) {
    if (d.parentId() == null) {
      return null;
    }
    TenantRow parent =
        tenants
            .find(d.parentId())
            .orElseThrow(
                () -> ApiException.invalid("parent tenant " + d.parentId() + " does not exist"));
    if (self != null && tree.isSelfOrDescendant(parent.id(), self)) {
      throw ApiException.conflict(
          "Cannot make '"
              + parent.name()
              + "' the parent of this tenant:"
              + " it is the tenant itself or one of its descendants, which would create a cycle");
    }
    return parent;
  }

  /** The MSP the tenant belongs to (DESIGN §1), given its parent and its current state. */
  UUID mspFor(UUID id, TenantDraft d, @Nullable TenantRow parent, @Nullable TenantRow current) {
    UUID derived;
    if (d.kind() == TenantKind.MSP) {
      derived = id;
    } else if (parent != null) {
      derived = parent.isMsp() ? parent.id() : parent.mspId();
    } else if (d.mspId() != null) {
      TenantRow chosen =
          tenants
              .find(d.mspId())
              .filter(TenantRow::isMsp)
              .orElseThrow(
                  () -> ApiException.invalid("mspId " + d.mspId() + " is not an MSP tenant"));
      return chosen.id();
    } else if (current != null && !current.isMsp()) {
      derived = current.mspId();
    } else {
      derived =
          tenants
              .firstMsp(id)
              .orElseThrow(
                  () ->
                      ApiException.conflict(
                          "There is no MSP tenant for this client tenant to belong to"));
    }
    if (d.mspId() != null && !d.mspId().equals(derived)) {
      throw ApiException.invalid(
          "mspId can only be chosen for a root client tenant; this tenant"
              + " belongs to MSP "
              + derived
              + " through its "
              + (parent != null ? "parent" : "kind"));
    }
    return derived;
  }

  /** The last MSP tenant of the instance can never lose its flag. */
  void keepLastMsp(TenantRow current, TenantDraft d) {
    if (current.isMsp()
        && d.kind() != TenantKind.MSP
        && tenants.mspCountExcept(current.id()) == 0) {
      throw ApiException.conflict(
          "'"
              + current.name()
              + "' is the last MSP tenant of this"
              + " instance; it cannot stop being an MSP (mark another tenant as MSP first)");
    }
  }

  /**
   * DESIGN §3.10: an MSP losing its flag hands its tenants to another MSP, whose {@code MSP} scope
   * holders gain them; the request must name that MSP ({@code mspId}), never leave it to a guess.
   */
  void demotionNamesNewMsp(TenantRow current, TenantDraft d) {
    if (current.isMsp() && d.kind() != TenantKind.MSP && d.mspId() == null) {
      throw ApiException.invalid(
          "'"
              + current.name()
              + "' is an MSP tenant; to make it a client, name the MSP that takes it and its"
              + " tenants in mspId");
    }
    if (current.isMsp() && d.kind() != TenantKind.MSP && current.id().equals(d.mspId())) {
      throw ApiException.invalid("mspId must name another MSP tenant, not the one being demoted");
    }
  }

  /** Turns a unique violation that slipped past the checks (a concurrent insert) into a 409. */
  static ApiException duplicate(DuplicateKeyException e, TenantDraft d) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("tenant_name_ci")) {
      return ApiException.duplicate("A tenant named '" + d.name() + "' already exists");
    }
    if (m.contains("azure_tenant_id")) {
      return ApiException.duplicate(
          "Azure tenant " + d.azureTenantId() + " is already linked to another tenant");
    }
    return ApiException.duplicate("A tenant with slug '" + d.slug() + "' already exists");
  }
}
