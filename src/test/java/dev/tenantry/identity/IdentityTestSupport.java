package dev.tenantry.identity;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestOidc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Data set-up and audit probes shared by the identity tests (plain SQL: other features own those
 * APIs).
 */
abstract class IdentityTestSupport extends IntegrationTest {

  /**
   * A client tenant (an MSP of its own, to need nothing else), optionally linked to an Entra
   * tenant; committed in a Spring transaction like {@link #user}.
   */
  UUID tenant(@Nullable UUID azureTid) {
    UUID id = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    """
        insert into tenant (id, name, slug, kind, msp_id, azure_tenant_id)
        values (?, ?, ?, 'MSP', ?, ?)
        """)
                .params(id, "T " + id, "t-" + id, id, azureTid)
                .update());
    return id;
  }

  record Person(UUID id, UUID tid, UUID oid, UUID userId) {}

  /** A person with a user in a new tenant, holding System Administrator (Legacy) @OWNER. */
  Person admin(String name) {
    return testUsers.writeAndGet(
        () -> {
          Person p = user(name);
          jdbc.sql(
                  """
          insert into role_assignment (id, user_id, role_id, effect, scope_kind)
          values (?, ?, ?, 'ALLOW', 'OWNER')
          """)
              .params(UUID.randomUUID(), p.userId(), BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id())
              .update();
          return p;
        });
  }

  /**
   * A person with a user (and no role assignment) in a new home-linked tenant; returns its
   * identity. Written in a committed Spring transaction, so the policy store catches up at once:
   * written in autocommit, the engine learnt of the user only from the asynchronous feed (or from a
   * later transaction that happened to catch up), and starting an impersonation of it answered 404
   * (unknown user) or not depending on what ran before.
   */
  Person user(String name) {
    return testUsers.writeAndGet(
        () -> {
          UUID tenant = tenant(null);
          UUID oid = UUID.randomUUID();
          UUID person = UUID.randomUUID();
          jdbc.sql(
                  "insert into person (id, tenant_id, given_name, email, azure_object_id, source) values (?, ?, ?, ?, ?, 'AZURE')")
              .params(person, tenant, name, name + "@example.com", oid)
              .update();
          UUID user = UUID.randomUUID();
          jdbc.sql(
                  "insert into app_user (id, person_id, entra_tenant_id, entra_object_id) values (?, ?, ?, ?)")
              .params(user, person, HOME_TID, oid)
              .update();
          return new Person(person, HOME_TID, oid, user);
        });
  }

  Http as(Person p) {
    return as(p.tid(), p.oid(), p.id() + "@example.com");
  }

  void preference(String key, boolean on) {
    jdbc.sql("delete from preference where level = 'APPLICATION' and key = ?").param(key).update();
    jdbc.sql("insert into preference (level, key, value) values ('APPLICATION', ?, ?::jsonb)")
        .params(key, Boolean.toString(on))
        .update();
  }

  long lastSeq() {
    return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
  }

  record Event(
      String action,
      @Nullable UUID actorUserId,
      String actorLabel,
      @Nullable UUID impersonatorUserId,
      @Nullable String afterJson) {}

  List<Event> eventsSince(long seq) {
    return jdbc.sql(
            """
        select action, actor_user_id, actor_label, impersonator_user_id, after_json
          from audit_event where seq > ? order by seq
        """)
        .param(seq)
        .query(Event.class)
        .list();
  }

  List<String> signInFailuresSince(long seq) {
    return eventsSince(seq).stream()
        .filter(e -> e.action().equals("auth.sign-in-failed"))
        .map(e -> String.valueOf(e.afterJson()))
        .toList();
  }

  static String token(Map<String, Object> claims) {
    return TestOidc.sign(claims);
  }

  /** The local OIDC provider will sign {@code p} in with the given display name (next callback). */
  static void enqueueSignIn(Person p, String name) {
    TestOidc.server()
        .enqueueCallback(
            new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback(
                TestOidc.HOME_ISSUER_ID,
                "sub-" + p.oid(),
                "JWT",
                List.of(TestOidc.CLIENT_ID),
                Map.of(
                    "tid",
                    p.tid().toString(),
                    "oid",
                    p.oid().toString(),
                    "ver",
                    "2.0",
                    "preferred_username",
                    p.oid() + "@example.com",
                    "name",
                    name),
                3600));
  }

  /** A console browser session of {@code p}, signed in through the home page. */
  Browser consoleSession(Person p, String name) {
    enqueueSignIn(p, name);
    Browser browser = new Browser();
    var home = browser.follow("http://localhost:" + port + "/");
    org.assertj.core.api.Assertions.assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
    return browser;
  }

  /** The Spring Session id behind a browser's SESSION cookie. */
  static String sessionId(Browser browser) {
    return new String(
        java.util.Base64.getDecoder().decode(browser.cookie("SESSION").orElseThrow()),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
