package dev.tenantry.support;

import dev.tenantry.TenantryApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several Tenantry nodes (application contexts, each with its own HTTP server, policy store and
 * feed listener) on one embedded PostgreSQL of their own, for the multi-node tests. The database
 * keeps the fast test settings.
 */
public final class Nodes implements AutoCloseable {
  public final EmbeddedPostgres pg;
  public final String url;
  private final List<Node> nodes = new ArrayList<>();

  public record Node(ConfigurableApplicationContext context, int port) {
    public <T> T bean(Class<T> type) {
      return context.getBean(type);
    }

    public TestUsers users() {
      return context.getBean(TestUsers.class);
    }

    public Http as(TestUsers.TestUser u) {
      return new Http(
          "http://localhost:" + port, TestOidc.token(u.tid(), u.oid(), u.oid() + "@example.com"));
    }

    public Http anonymous() {
      return new Http("http://localhost:" + port, null);
    }
  }

  /** On a fresh embedded PostgreSQL of their own, with the fast test settings. */
  public Nodes() throws IOException {
    this(
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("tenantry-nodes-pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "200")
            .start());
  }

  public Nodes(EmbeddedPostgres pg) {
    this.pg = pg;
    this.url = pg.getJdbcUrl("postgres", "postgres");
  }

  /** Starts a node; {@code extra} overrides properties (e.g. a deliberately lagging feed). */
  public Node start(Map<String, String> extra) {
    Map<String, String> p = new HashMap<>();
    p.put("server.port", "0");
    p.put("tenantry.db.url", url);
    p.put("tenantry.db.username", "postgres");
    p.put("tenantry.oidc.authority", TestOidc.authority());
    p.put("tenantry.oidc.home-tenant-id", IntegrationTest.HOME_TID.toString());
    p.put("tenantry.oidc.jwks-uri", TestOidc.jwksUri());
    p.put(
        "tenantry.oidc.authorization-uri",
        TestOidc.server().authorizationEndpointUrl(TestOidc.HOME_ISSUER_ID).toString());
    p.put(
        "tenantry.oidc.token-uri",
        TestOidc.server().tokenEndpointUrl(TestOidc.HOME_ISSUER_ID).toString());
    p.put("tenantry.policy.stale-after", "5s");
    p.put("tenantry.policy.read-your-writes-wait", "1s");
    p.put("tenantry.policy.heartbeat-every", "200ms");
    p.put("spring.jmx.enabled", "false");
    p.put("management.endpoint.health.show-details", "always");
    p.putAll(extra);
    String[] args =
        p.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(TenantryApplication.class).profiles("test").run(args);
    int port = Integer.parseInt(ctx.getEnvironment().getRequiredProperty("local.server.port"));
    Node n = new Node(ctx, port);
    nodes.add(n);
    return n;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public void close() throws IOException {
    for (Node n : nodes) {
      n.context.close();
    }
    pg.close();
  }
}
