package dev.tenantry.authz.internal;

import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import dev.tenantry.shared.web.ApiException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that what a scope names exists (400 otherwise), and that an MSP scope names an MSP tenant.
 */
@Component
public class ScopeReferences {
  private final JdbcClient jdbc;

  public ScopeReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void requireExisting(Scope scope) {
    switch (scope) {
      case Scope.Msp(UUID m) -> {
        if (!exists("select count(*) from tenant where id = ? and kind = 'MSP'", m)) {
          throw ApiException.invalid("scope.tenantId " + m + " is not an MSP tenant");
        }
      }
      case Scope.Tenant(UUID t, boolean c) -> tenant(t, "scope.tenantId");
      case Scope.TenantTag(UUID g, UUID m) -> {
        tag(g, "scope.tagId");
        if (m != null) {
          msp(m);
        }
      }
      case Scope.Resource(ResourceSelector.OneComputer(UUID c)) -> {
        if (!exists("select count(*) from computer where id = ?", c)) {
          throw ApiException.invalid("scope.resource.computerId " + c + " does not exist");
        }
      }
      case Scope.Resource(ResourceSelector.ComputerTag(UUID g, UUID t, UUID m)) -> {
        tag(g, "scope.resource.tagId");
        if (t != null) {
          tenant(t, "scope.resource.tenantId");
        }
        if (m != null) {
          msp(m, "scope.resource.mspId");
        }
      }
      case Scope.Resource(ResourceSelector.ComputerTypes types) -> {
        if (types.tenantId() != null) {
          tenant(types.tenantId(), "scope.resource.tenantId");
        }
        if (types.mspId() != null) {
          msp(types.mspId(), "scope.resource.mspId");
        }
      }
      case Scope.Owner o -> {}
      case Scope.UsersTenant u -> {}
    }
  }

  private void msp(UUID m) {
    msp(m, "scope.mspId");
  }

  private void msp(UUID m, String field) {
    if (!exists("select count(*) from tenant where id = ? and kind = 'MSP'", m)) {
      throw ApiException.invalid(field + " " + m + " is not an MSP tenant");
    }
  }

  private void tenant(UUID id, String field) {
    if (!exists("select count(*) from tenant where id = ?", id)) {
      throw ApiException.invalid(field + " " + id + " does not exist");
    }
  }

  private void tag(UUID id, String field) {
    if (!exists("select count(*) from tag where id = ?", id)) {
      throw ApiException.invalid(field + " " + id + " does not exist");
    }
  }

  public boolean tenantExists(UUID id) {
    return exists("select count(*) from tenant where id = ?", id);
  }

  private boolean exists(String sql, UUID id) {
    return jdbc.sql(sql).param(id).query(Long.class).single() > 0;
  }
}
