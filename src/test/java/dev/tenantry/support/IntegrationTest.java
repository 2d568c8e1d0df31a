package dev.tenantry.support;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the real application on a random port, a real embedded PostgreSQL
 * (fresh per test JVM), and signed tokens from a real OIDC provider. Every test class shares one
 * application context, so keep configuration identical across subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(AuditInvariantExtension.class)
public abstract class IntegrationTest {
  /** The Entra tenant id of the instance's home (MSP) directory in tests. */
  public static final UUID HOME_TID = UUID.fromString("11111111-1111-4111-8111-111111111111");

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected TestUsers testUsers;
  private static TestUsers.@Nullable TestUser admin;

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add("tenantry.oidc.authority", TestOidc::authority);
    registry.add("tenantry.oidc.home-tenant-id", HOME_TID::toString);
    registry.add("tenantry.oidc.jwks-uri", TestOidc::jwksUri);
    registry.add(
        "tenantry.oidc.authorization-uri",
        () -> TestOidc.server().authorizationEndpointUrl(TestOidc.HOME_ISSUER_ID).toString());
    registry.add(
        "tenantry.oidc.token-uri",
        () -> TestOidc.server().tokenEndpointUrl(TestOidc.HOME_ISSUER_ID).toString());
    registry.add("tenantry.graph.base-url", TestGraph::graphUrl);
    registry.add("tenantry.graph.login-url", TestGraph::loginUrl);
  }

  /** An HTTP client for the API, signed in as a fresh identity of the home directory. */
  protected Http anonymous() {
    return new Http("http://localhost:" + port, null);
  }

  protected Http as(UUID tid, UUID oid, String name) {
    return new Http("http://localhost:" + port, TestOidc.token(tid, oid, name));
  }

  /**
   * Signed in as an MSP administrator (System Administrator (Legacy) @OWNER): for tests of a
   * feature's behaviour rather than of who may use it.
   */
  protected Http signedIn() {
    synchronized (IntegrationTest.class) {
      if (admin == null || !userExists(admin.id())) {
        admin = testUsers.mspAdmin();
      }
      return as(admin.tid(), admin.oid(), "admin@example.com");
    }
  }

  /** A signed-in Entra identity of the home directory that has no Tenantry user (yet). */
  protected Http identityWithoutUser() {
    return as(HOME_TID, UUID.randomUUID(), "tester@example.com");
  }

  private boolean userExists(UUID id) {
    return jdbc.sql("select count(*) from app_user where id = ? and enabled")
            .param(id)
            .query(Long.class)
            .single()
        == 1;
  }
}
