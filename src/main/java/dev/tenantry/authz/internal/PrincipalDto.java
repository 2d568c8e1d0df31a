package dev.tenantry.authz.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The principal of a role assignment as JSON: a user or a group. */
public record PrincipalDto(@Nullable Type type, @Nullable UUID id) {
  public enum Type {
    USER,
    GROUP
  }
}
