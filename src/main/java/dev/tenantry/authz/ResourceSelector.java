package dev.tenantry.authz;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which computers a {@link Scope.Resource} scope covers (DESIGN §2). Computers are the only
 * resource type; a selector never covers a tenant or a tenant-owned object.
 */
public sealed interface ResourceSelector {

  /** Exactly one computer. */
  record OneComputer(UUID computerId) implements ResourceSelector {
    public OneComputer {
      Objects.requireNonNull(computerId, "computerId");
    }
  }

  /**
   * Every computer currently carrying the tag; only those of {@code tenantId} when it is non-null,
   * only those of the tenants of MSP {@code mspId} (the MSP itself and the tenants whose msp_id is
   * m, as that is now) when it is non-null. At most one of the two limits.
   */
  record ComputerTag(UUID tagId, @Nullable UUID tenantId, @Nullable UUID mspId)
      implements ResourceSelector {
    public ComputerTag {
      Objects.requireNonNull(tagId, "tagId");
      oneLimit(tenantId, mspId);
    }

    public ComputerTag(UUID tagId, @Nullable UUID tenantId) {
      this(tagId, tenantId, null);
    }
  }

  /**
   * Every computer of one of the types; only those of {@code tenantId}, or of the tenants of MSP
   * {@code mspId}, when set (at most one of the two).
   */
  record ComputerTypes(Set<ComputerType> types, @Nullable UUID tenantId, @Nullable UUID mspId)
      implements ResourceSelector {
    public ComputerTypes {
      if (types.isEmpty()) {
        throw new IllegalArgumentException("a computer type selector needs at least one type");
      }
      types = Set.copyOf(EnumSet.copyOf(types));
      oneLimit(tenantId, mspId);
    }

    public ComputerTypes(Set<ComputerType> types, @Nullable UUID tenantId) {
      this(types, tenantId, null);
    }
  }

  private static void oneLimit(@Nullable UUID tenantId, @Nullable UUID mspId) {
    if (tenantId != null && mspId != null) {
      throw new IllegalArgumentException(
          "a computer selector is limited to one tenant or to one MSP, not both");
    }
  }
}
