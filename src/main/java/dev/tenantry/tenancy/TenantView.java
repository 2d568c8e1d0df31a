package dev.tenantry.tenancy;

import dev.tenantry.authz.TenantKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant as the API shows it. {@code mspId} is the MSP it belongs to (itself for an MSP); {@code
 * computerCount} and {@code childCount} count direct members only.
 */
public record TenantView(
    UUID id,
    String name,
    String slug,
    String description,
    TenantKind kind,
    boolean active,
    @Nullable UUID parentId,
    UUID mspId,
    @Nullable UUID azureTenantId,
    List<TagView> tags,
    long computerCount,
    long childCount,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** The same tenant with the counts a particular caller may see. */
  public TenantView withCounts(long newComputerCount, long newChildCount) {
    return new TenantView(
        id,
        name,
        slug,
        description,
        kind,
        active,
        parentId,
        mspId,
        azureTenantId,
        tags,
        newComputerCount,
        newChildCount,
        version,
        createdAt,
        updatedAt);
  }

  public TenantView withTags(List<TagView> newTags) {
    return new TenantView(
        id,
        name,
        slug,
        description,
        kind,
        active,
        parentId,
        mspId,
        azureTenantId,
        List.copyOf(newTags),
        computerCount,
        childCount,
        version,
        createdAt,
        updatedAt);
  }

  public boolean isMsp() {
    return kind == TenantKind.MSP;
  }
}
