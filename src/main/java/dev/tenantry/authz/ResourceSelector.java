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
   * Every computer currently carrying the tag; only those of {@code tenantId} when it is non-null.
   */
  record ComputerTag(UUID tagId, @Nullable UUID tenantId) implements ResourceSelector {
    public ComputerTag {
      Objects.requireNonNull(tagId, "tagId");
    }
  }

  /** Every computer of one of the types; only those of {@code tenantId} when it is non-null. */
  record ComputerTypes(Set<ComputerType> types, @Nullable UUID tenantId)
      implements ResourceSelector {
    public ComputerTypes {
      if (types.isEmpty()) {
        throw new IllegalArgumentException("a computer type selector needs at least one type");
      }
      types = Set.copyOf(EnumSet.copyOf(types));
    }
  }
}
