package dev.tenantry.authz.internal;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.ScopeKind;
import dev.tenantry.shared.web.ApiException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A scope as JSON: {@code {kind, tenantId?, includeChildren?, tagId?, resource?, mspId?}} (DESIGN
 * §2); {@code mspId} limits a TENANT_TAG scope to one MSP's tenants, {@code resource.mspId} a
 * computer tag or type selector to the computers of one MSP's tenants. Shown to a caller, a tenant
 * or computer they cannot view is left out and {@code hidden} says so ({@link #masked}); input
 * ignores {@code hidden}.
 */
public record ScopeDto(
    @Nullable ScopeKind kind,
    @Nullable UUID tenantId,
    @Nullable Boolean includeChildren,
    @Nullable UUID tagId,
    @Nullable ResourceDto resource,
    @Nullable UUID mspId,
    @Nullable String hidden) {

  /** Shows scopes to one caller ({@link ScopeMasks#forCaller()}). */
  @FunctionalInterface
  public interface Masker {
    ScopeDto apply(ScopeDto scope);
  }

  /** What {@code hidden} says when a scope names a tenant or computer the caller cannot view. */
  public static final String HIDDEN = "a tenant you cannot see";

  public ScopeDto(
      @Nullable ScopeKind kind,
      @Nullable UUID tenantId,
      @Nullable Boolean includeChildren,
      @Nullable UUID tagId,
      @Nullable ResourceDto resource,
      @Nullable UUID mspId) {
    this(kind, tenantId, includeChildren, tagId, resource, mspId, null);
  }

  public ScopeDto(
      @Nullable ScopeKind kind,
      @Nullable UUID tenantId,
      @Nullable Boolean includeChildren,
      @Nullable UUID tagId,
      @Nullable ResourceDto resource) {
    this(kind, tenantId, includeChildren, tagId, resource, null);
  }

  public enum ResourceKind {
    COMPUTER,
    COMPUTER_TAG,
    COMPUTER_TYPES
  }

  /**
   * {@code kind} COMPUTER needs computerId; COMPUTER_TAG needs tagId; COMPUTER_TYPES needs types;
   * tenantId limits to one tenant's computers, mspId to those of one MSP's tenants (at most one).
   */
  public record ResourceDto(
      @Nullable ResourceKind kind,
      @Nullable UUID computerId,
      @Nullable UUID tagId,
      @Nullable List<ComputerType> types,
      @Nullable UUID tenantId,
      @Nullable UUID mspId) {

    public ResourceDto(
        @Nullable ResourceKind kind,
        @Nullable UUID computerId,
        @Nullable UUID tagId,
        @Nullable List<ComputerType> types,
        @Nullable UUID tenantId) {
      this(kind, computerId, tagId, types, tenantId, null);
    }
  }

  public Scope toScope() {
    if (kind == null) {
      throw ApiException.invalid(
          "scope.kind is required (OWNER, MSP, TENANT, TENANT_TAG, USERS_TENANT or RESOURCE)");
    }
    return switch (kind) {
      case OWNER -> Scope.owner();
      case MSP -> Scope.msp(required(tenantId, "scope.tenantId (the MSP tenant)"));
      case TENANT ->
          Scope.tenant(required(tenantId, "scope.tenantId"), Boolean.TRUE.equals(includeChildren));
      case TENANT_TAG -> Scope.tenantTag(required(tagId, "scope.tagId"), mspId);
      case USERS_TENANT -> Scope.usersTenant();
      case RESOURCE -> Scope.resource(selector(required(resource, "scope.resource")));
    };
  }

  private static ResourceSelector selector(ResourceDto r) {
    if (r.tenantId() != null && r.mspId() != null) {
      throw ApiException.invalid(
          "scope.resource is limited to one tenant (tenantId) or to one MSP (mspId), not both");
    }
    return switch (required(
        r.kind(), "scope.resource.kind (COMPUTER, COMPUTER_TAG or COMPUTER_TYPES)")) {
      case COMPUTER ->
          new ResourceSelector.OneComputer(required(r.computerId(), "scope.resource.computerId"));
      case COMPUTER_TAG ->
          new ResourceSelector.ComputerTag(
              required(r.tagId(), "scope.resource.tagId"), r.tenantId(), r.mspId());
      case COMPUTER_TYPES -> {
        if (r.types() == null || r.types().isEmpty()) {
          throw ApiException.invalid("scope.resource.types needs at least one computer type");
        }
        yield new ResourceSelector.ComputerTypes(
            EnumSet.copyOf(r.types()), r.tenantId(), r.mspId());
      }
    };
  }

  public static ScopeDto of(Scope scope) {
    return of(ScopeColumns.of(scope));
  }

  public static ScopeDto of(ScopeColumns c) {
    ScopeKind kind = ScopeKind.valueOf(c.scopeKind());
    if (kind == ScopeKind.RESOURCE) {
      ResourceKind rk = ResourceKind.valueOf(c.resourceKind());
      List<ComputerType> types =
          c.resourceComputerTypes() == null
              ? null
              : Arrays.stream(c.resourceComputerTypes())
                  .map(ComputerType::valueOf)
                  .sorted()
                  .toList();
      return new ScopeDto(
          kind,
          null,
          null,
          null,
          new ResourceDto(
              rk,
              c.resourceComputerId(),
              rk == ResourceKind.COMPUTER_TAG ? c.scopeTagId() : null,
              types,
              c.mspLimit() ? null : c.scopeTenantId(),
              c.mspLimit() ? c.scopeTenantId() : null));
    }
    boolean tag = kind == ScopeKind.TENANT_TAG;
    return new ScopeDto(
        kind,
        tag ? null : c.scopeTenantId(),
        kind == ScopeKind.TENANT ? c.includeChildren() : null,
        c.scopeTagId(),
        null,
        tag ? c.scopeTenantId() : null);
  }

  /**
   * This scope without the tenants ({@code tenantId}, {@code mspId}, the resource's tenant limit)
   * and the computer that the caller cannot view, {@code hidden} set when anything was left out.
   */
  public ScopeDto masked(Predicate<UUID> tenantVisible, Predicate<UUID> computerVisible) {
    boolean[] hid = {false};
    java.util.function.UnaryOperator<@Nullable UUID> tenant =
        id -> {
          if (id == null || tenantVisible.test(id)) {
            return id;
          }
          hid[0] = true;
          return null;
        };
    ResourceDto r = resource;
    if (r != null) {
      UUID computer = r.computerId();
      if (computer != null && !computerVisible.test(computer)) {
        computer = null;
        hid[0] = true;
      }
      r =
          new ResourceDto(
              r.kind(),
              computer,
              r.tagId(),
              r.types(),
              tenant.apply(r.tenantId()),
              tenant.apply(r.mspId()));
    }
    ScopeDto out =
        new ScopeDto(
            kind, tenant.apply(tenantId), includeChildren, tagId, r, tenant.apply(mspId), null);
    return hid[0] ? out.withHidden() : this;
  }

  private ScopeDto withHidden() {
    return new ScopeDto(kind, tenantId, includeChildren, tagId, resource, mspId, HIDDEN);
  }

  public static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw ApiException.invalid(name + " is required for this scope");
    }
    return value;
  }
}
