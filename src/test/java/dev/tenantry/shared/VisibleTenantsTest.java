package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VisibleTenantsTest {
  static final UUID A = UUID.randomUUID();

  @Test
  void everyTenantFiltersNothingAndAddsNoParameter() {
    Map<String, Object> params = new HashMap<>();
    assertThat(VisibleTenants.every().sql("t.id", "v", params)).isEqualTo("true");
    assertThat(params).isEmpty();
    assertThat(VisibleTenants.every().allows(A)).isTrue();
  }

  @Test
  void onlySomeTenantsFiltersByThemAndNoTenantsAllowsNone() {
    Map<String, Object> params = new HashMap<>();
    VisibleTenants only = VisibleTenants.only(Set.of(A));
    assertThat(only.sql("t.id", "v", params)).isEqualTo("t.id = any(:v)");
    assertThat((UUID[]) params.get("v")).containsExactly(A);
    assertThat(only.allows(A)).isTrue();
    assertThat(only.allows(UUID.randomUUID())).isFalse();
    assertThat(VisibleTenants.only(Set.of()).allows(A)).isFalse();
    assertThat(only.isEvery()).isFalse();
  }
}
