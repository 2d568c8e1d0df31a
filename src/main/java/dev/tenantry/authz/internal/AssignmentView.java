package dev.tenantry.authz.internal;

import dev.tenantry.authz.Effect;
import dev.tenantry.authz.internal.AssignmentRepository.AssignmentRow;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A role assignment as JSON. */
public record AssignmentView(
    UUID id,
    PrincipalDto principal,
    UUID roleId,
    String roleName,
    ScopeDto scope,
    Effect effect,
    @Nullable Instant expiresAt,
    Instant createdAt,
    @Nullable UUID createdBy) {

  /** This assignment with its scope as {@code masker} shows it to the caller. */
  public AssignmentView shownTo(ScopeDto.Masker masker) {
    ScopeDto shown = masker.apply(scope);
    return shown == scope
        ? this
        : new AssignmentView(
            id, principal, roleId, roleName, shown, effect, expiresAt, createdAt, createdBy);
  }

  public static AssignmentView of(AssignmentRow a) {
    PrincipalDto p =
        a.userId() != null
            ? new PrincipalDto(PrincipalDto.Type.USER, a.userId())
            : new PrincipalDto(PrincipalDto.Type.GROUP, a.groupId());
    return new AssignmentView(
        a.id(),
        p,
        a.roleId(),
        a.roleName(),
        ScopeDto.of(a.scope()),
        Effect.valueOf(a.effect()),
        a.expiresAt(),
        a.createdAt(),
        a.createdBy());
  }
}
