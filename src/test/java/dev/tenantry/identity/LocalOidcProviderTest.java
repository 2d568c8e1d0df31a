package dev.tenantry.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LocalOidcProviderTest {
  static OidcProperties local() {
    return new OidcProperties(
        new OidcProperties.LocalProvider(true, 0),
        "https://login.microsoftonline.com",
        UUID.fromString("11111111-1111-4111-8111-111111111111"),
        "",
        "",
        "",
        List.of("tenantry"),
        "tenantry",
        "");
  }

  @Test
  void theLocalProviderIsRefusedInTheProductionProfile() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("production");
    assertThatThrownBy(() -> new LocalOidcProvider(local(), env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("production");
  }

  @Test
  void theLocalProviderStartsOutsideProductionAndPlaysTheHomeTenant() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("default");
    try (LocalOidcProvider provider = new LocalOidcProvider(local(), env)) {
      assertThat(local().authority()).startsWith("http://localhost:");
      assertThat(local().jwksUri()).endsWith("/11111111-1111-4111-8111-111111111111/v2.0/jwks");
    }
    assertThat(LocalIdentities.oidFor("admin"))
        .isEqualTo(UUID.nameUUIDFromBytes("admin".getBytes()));
  }
}
