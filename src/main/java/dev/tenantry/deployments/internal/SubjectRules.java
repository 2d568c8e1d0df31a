package dev.tenantry.deployments.internal;

import dev.tenantry.library.LibraryRefs;
import dev.tenantry.library.LibraryRefs.Kind;
import dev.tenantry.library.LibraryRefs.Subject;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a deployment may deploy (docs/deployments.md, "Subjects"): a software or maintenance task
 * the caller may view, usable where the target lies, with a desired state that fits it and the
 * exact version pinned (DESIGN §7: what runs is pinned).
 *
 * <p>Usable at tenant T (DESIGN §7 ownership): a global object or a task visible to all tenants; an
 * object owned by T, by an ancestor of T, or by T's MSP. A multi-tenant target lies at its MSP
 * (owned by that MSP is fine) or at the whole instance (shared objects only).
 */
@Component
class SubjectRules {
  private static final Set<String> SOFTWARE_STATES =
      Set.of("INSTALL", "KEEP_LATEST", "UNINSTALL", "IGNORE");

  private final LibraryRefs library;
  private final Tenants tenants;

  SubjectRules(LibraryRefs library, Tenants tenants) {
    this.library = library;
    this.tenants = tenants;
  }

  /** The draft with its pinned version filled in, or 400/404 saying what is wrong. */
  DeploymentDraft check(DeploymentDraft d, Placement p) {
    Kind kind = kind(d.subjectKind());
    String state = d.desiredState() == null ? "" : d.desiredState().strip().toUpperCase();
    Subject s =
        library
            .visible(kind, d.subjectId())
            .orElseThrow(() -> ApiException.notFound(label(kind), d.subjectId()));
    UUID version = d.versionId();
    if (kind == Kind.SOFTWARE) {
      if (!SOFTWARE_STATES.contains(state)) {
        throw ApiException.invalid(
            "desiredState of a software deployment must be one of INSTALL, KEEP_LATEST, UNINSTALL, IGNORE");
      }
      if (state.equals("INSTALL") && version == null) {
        throw ApiException.invalid("versionId: INSTALL pins the software version to install");
      }
      if (!state.equals("INSTALL") && version != null) {
        throw ApiException.invalid("versionId applies only to INSTALL");
      }
    } else {
      if (!state.equals("RUN")) {
        throw ApiException.invalid("desiredState of a maintenance task deployment must be RUN");
      }
      if (version == null) {
        version =
            library
                .latestVersion(kind, s.id())
                .orElseThrow(() -> ApiException.invalid("The maintenance task has no version"));
      }
    }
    if (version != null && library.versionLabel(kind, s.id(), version).isEmpty()) {
      throw ApiException.invalid(
          "versionId " + version + " is not a version of " + label(kind) + " " + s.id());
    }
    if (!usable(s, p.ownerTenantId())) {
      throw ApiException.invalid(
          "The "
              + label(kind)
              + " '"
              + s.name()
              + "' belongs to tenant "
              + s.ownerTenantId()
              + " and cannot be deployed "
              + (p.ownerTenantId() == null
                  ? "to every tenant of the instance"
                  : "at tenant " + p.ownerTenantId())
              + ": only global or shared objects, or objects of the target's tenant, an ancestor or its MSP");
    }
    if (d.priority() < -1000 || d.priority() > 1000) {
      throw ApiException.invalid("priority must be between -1000 and 1000");
    }
    String name = d.name() == null ? "" : d.name().strip();
    if (name.length() > 200 || (d.notes() != null && d.notes().length() > 4000)) {
      throw ApiException.invalid("name is at most 200 and notes at most 4000 characters");
    }
    return new DeploymentDraft(
        name.isEmpty() ? s.name() : name,
        d.notes() == null ? "" : d.notes(),
        kind.name(),
        s.id(),
        version,
        state,
        TargetInput.of(p.target()),
        d.enforced(),
        d.priority());
  }

  private boolean usable(Subject s, @Nullable UUID tenant) {
    if (s.shared()) {
      return true;
    }
    if (tenant == null) {
      return false;
    }
    UUID owner = s.ownerTenantId();
    return owner.equals(tenant)
        || tenants.ancestors(tenant).contains(owner)
        || tenants.find(tenant).map(TenantView::mspId).map(owner::equals).orElse(false);
  }

  static Kind kind(@Nullable String subjectKind) {
    if ("SOFTWARE".equalsIgnoreCase(subjectKind)) {
      return Kind.SOFTWARE;
    }
    if ("TASK".equalsIgnoreCase(subjectKind)) {
      return Kind.TASK;
    }
    throw ApiException.invalid("subjectKind must be SOFTWARE or TASK");
  }

  static String label(Kind kind) {
    return kind == Kind.SOFTWARE ? "software" : "maintenance task";
  }
}
