package dev.tenantry.authz.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.Scope;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The oracle's merge removes the assignments whose scope names the merged tenant, as production
 * does (every scope stored with that {@code scope_tenant_id}).
 */
class OracleWorldNamesTest {
  final UUID t = UUID.randomUUID();
  final UUID other = UUID.randomUUID();
  final UUID tag = UUID.randomUUID();

  @Test
  void aTenantTagScopeLimitedToAnMspNamesThatMspOnly() {
    assertThat(OracleWorld.names(Scope.tenantTag(tag, t), t)).isTrue();
    assertThat(OracleWorld.names(Scope.tenantTag(tag, other), t)).isFalse();
    assertThat(OracleWorld.names(Scope.tenantTag(tag), t)).isFalse();
  }

  @Test
  void tenantMspAndLimitedSelectorScopesNameTheirTenant() {
    assertThat(OracleWorld.names(Scope.tenant(t, true), t)).isTrue();
    assertThat(OracleWorld.names(Scope.msp(t), t)).isTrue();
    assertThat(OracleWorld.names(Scope.resource(new ResourceSelector.ComputerTag(tag, null, t)), t))
        .isTrue();
    assertThat(
            OracleWorld.names(
                Scope.resource(new ResourceSelector.ComputerTypes(Set.of(ComputerType.SERVER), t)),
                t))
        .isTrue();
    assertThat(OracleWorld.names(Scope.owner(), t)).isFalse();
    assertThat(OracleWorld.names(Scope.usersTenant(), t)).isFalse();
  }
}
