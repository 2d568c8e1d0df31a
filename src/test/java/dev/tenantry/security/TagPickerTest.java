package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The tag picker ({@code /pickers/tags}, docs/pickers.md) searches the shared tag catalogue for a
 * caller who holds {@code tags:view} at any scope (as {@code GET /api/v1/tags}), and offers nothing
 * — not even a name — to a caller without it.
 */
class TagPickerTest extends IntegrationTest {

  @Test
  void tagPickerOffersTheSharedCatalogueToTagViewersAtAnyScopeAndNothingToOthers() {
    String marker = "Tp" + UUID.randomUUID().toString().substring(0, 8);
    UUID tenant = testUsers.clientTenant("Tags " + marker);
    UUID gold = testUsers.tag(marker + " gold");
    UUID silver = testUsers.tag(marker + " silver");
    UUID noTagsRole = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['computers:view'])")
                .params(noTagsRole, "No tags " + marker)
                .update());
    TestUser viewer = // tags:view through a one-tenant scope: the catalogue is instance-wide
        testUsers.user(
            tenant,
            Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(tenant, false)));
    TestUser blind = testUsers.user(tenant, Grant.allow(noTagsRole, Scope.tenant(tenant, false)));

    HttpResponse<String> seen =
        ConsoleClient.signedIn(port, viewer.oid()).get("/pickers/tags?q=" + marker + "+gol");
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.body())
        .contains(marker + " gold", gold.toString())
        .doesNotContain(silver.toString());

    HttpResponse<String> hidden =
        ConsoleClient.signedIn(port, blind.oid()).get("/pickers/tags?q=" + marker);
    assertThat(hidden.statusCode()).isEqualTo(200);
    assertThat(hidden.body())
        .contains("No match")
        .doesNotContain(marker)
        .doesNotContain(gold.toString())
        .doesNotContain(silver.toString());
  }
}
