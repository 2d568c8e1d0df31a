package dev.tenantry.authz;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of DESIGN §3.10's list of access a structural change newly grants: through which
 * assignment (and its principal, a user or a group), which permissions of one subject, on which
 * tenant or computer, and for how many users (a group row counts its members who gain).
 *
 * @param principalType {@code USER} or {@code GROUP}
 * @param scope the assignment's scope, as text
 * @param targetType {@code TENANT} or {@code COMPUTER}
 * @param newTarget the target is created by the change itself: its id is new on every attempt, so
 *     the digest names it "new" and a confirmed retry of the same creation matches
 * @param permissions the permission keys newly allowed, sorted
 */
public record AccessGain(
    String principalType,
    UUID principalId,
    UUID assignmentId,
    UUID roleId,
    String scope,
    PermissionSubject subject,
    String targetType,
    UUID targetId,
    boolean newTarget,
    List<String> permissions,
    int users) {
  public AccessGain {
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(assignmentId, "assignmentId");
    permissions = List.copyOf(permissions);
  }

  /** The principal the assignment is given to. */
  public Principal principal() {
    return "GROUP".equals(principalType)
        ? Principal.group(principalId)
        : Principal.user(principalId);
  }

  /** The row's canonical line, the unit of {@link AccessChangeList#digest()}. */
  String canonical() {
    return String.join(
        "|",
        principalType,
        principalId.toString(),
        assignmentId.toString(),
        roleId.toString(),
        subject.name(),
        targetType,
        newTarget ? "new" : targetId.toString(),
        String.join(",", permissions),
        Integer.toString(users));
  }
}
