package dev.tenantry.authz;

import static dev.tenantry.support.TestUsers.Grant.allow;

import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.TestUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers shared by the authz integration tests: custom roles and Check Access over HTTP. */
public abstract class AuthzTestBase extends IntegrationTest {
  @Autowired protected TestUsers users;

  /** A public custom role holding the permissions, written with SQL. */
  protected UUID role(Permission... ps) {
    UUID id = UUID.randomUUID();
    String[] keys = java.util.Arrays.stream(ps).map(Permission::key).toArray(String[]::new);
    users.write(
        () ->
            jdbc.sql("insert into role (id, name, permissions) values (?, ?, ?)")
                .params(id, "role-" + id, keys)
                .update());
    return id;
  }

  /**
   * "ALLOW" or "DENY" for the user, asked through Check Access by an instance administrator (a user
   * asking about a target they cannot view gets 404, exactly like for a random id).
   */
  protected String decision(TestUser u, Permission p, String targetType, UUID id) {
    Http.Response r =
        signedIn()
            .post(
                "/api/v1/access/check",
                Map.of(
                    "userId",
                    u.id(),
                    "permission",
                    p.key(),
                    "target",
                    Map.of("type", targetType, "id", id)));
    if (r.status() != 200) {
      throw new AssertionError(r.toString());
    }
    return r.json().path("decision").asString();
  }

  protected TestUser viewerOf(UUID tenant) {
    return users.user(
        tenant,
        allow(
            role(Permission.COMPUTERS_VIEW, Permission.TENANTS_VIEW), Scope.tenant(tenant, false)));
  }
}
