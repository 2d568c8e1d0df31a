package dev.tenantry.support;

import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the real application on a random port, a real embedded
 * PostgreSQL (fresh per test JVM), and signed tokens from a real OIDC provider. Every test class
 * shares one application context, so keep configuration identical across subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(AuditInvariantExtension.class)
public abstract class IntegrationTest {
  /** The Entra tenant id of the instance's home (MSP) directory in tests. */
  public static final UUID HOME_TID = UUID.fromString("11111111-1111-4111-8111-111111111111");

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add("tenantry.oidc.issuer", TestOidc::issuer);
    registry.add("tenantry.oidc.jwks-uri", TestOidc::jwksUri);
  }

  /** An HTTP client for the API, signed in as a fresh identity of the home directory. */
  protected Http anonymous() {
    return new Http("http://localhost:" + port, null);
  }

  protected Http as(UUID tid, UUID oid, String name) {
    return new Http("http://localhost:" + port, TestOidc.token(tid, oid, name));
  }

  protected Http signedIn() {
    return as(HOME_TID, UUID.randomUUID(), "tester@example.com");
  }
}
