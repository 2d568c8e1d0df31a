package dev.tenantry.support;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft Graph and the Entra login endpoint for tests: one WireMock server per test JVM (Graph
 * and login are the only services tests may fake). The token endpoint answers any tenant with
 * {@code token-<tid>}; Graph stubs match that bearer token, so tests that use fresh tids never see
 * each other's stubs.
 */
public final class TestGraph {
  private static @Nullable WireMockServer server;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TestGraph() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      WireMockServer s = new WireMockServer(options().dynamicPort().containerThreads(20));
      s.start();
      s.stubFor(
          post(urlPathMatching("/[0-9a-f-]{36}/oauth2/v2.0/token"))
              .willReturn(
                  okJson(
                          "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
                              + "\"access_token\":\"token-{{request.pathSegments.[0]}}\"}")
                      .withTransformers("response-template")));
      gdap(s);
      server = s;
    }
    return server;
  }

  /** Customers served as the home (partner) tenant's GDAP customers: two pages. */
  public static final int GDAP_CUSTOMERS = 600;

  private static final java.util.concurrent.atomic.AtomicInteger NEXT_CUSTOMER =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The tid of GDAP customer {@code i} (stable across runs). */
  public static UUID gdapCustomer(int i) {
    return UUID.nameUUIDFromBytes(
        ("gdap-customer-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static String gdapName(int i) {
    return "GDAP Customer " + i;
  }

  /** A GDAP customer no test has taken yet (each import links one for good). */
  public static int nextGdapCustomer() {
    int i = NEXT_CUSTOMER.getAndIncrement();
    if (i >= GDAP_CUSTOMERS) {
      throw new IllegalStateException("out of GDAP customers");
    }
    return i;
  }

  private static void gdap(WireMockServer s) {
    int half = GDAP_CUSTOMERS / 2;
    for (int p = 0; p < 2; p++) {
      List<Map<String, Object>> value = new ArrayList<>();
      for (int i = p * half; i < (p + 1) * half; i++) {
        value.add(
            Map.of(
                "id", gdapCustomer(i).toString(),
                "tenantId", gdapCustomer(i).toString(),
                "displayName", gdapName(i)));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      if (p == 0) {
        body.put(
            "@odata.nextLink",
            s.baseUrl() + "/v1.0/tenantRelationships/delegatedAdminCustomers?$skiptoken=page2");
      }
      body.put("value", value);
      var stub =
          get(urlPathEqualTo("/v1.0/tenantRelationships/delegatedAdminCustomers"))
              .withHeader("Authorization", equalTo("Bearer token-" + IntegrationTest.HOME_TID));
      s.stubFor(
          (p == 0
                  ? stub.withQueryParam("$skiptoken", absent())
                  : stub.withQueryParam("$skiptoken", equalTo("page2")))
              .willReturn(okJson(JSON.writeValueAsString(body))));
    }
  }

  public static String graphUrl() {
    return server().baseUrl() + "/v1.0";
  }

  public static String loginUrl() {
    return server().baseUrl();
  }

  /** A GET of Graph {@code path} as Entra tenant {@code tid}. */
  public static MappingBuilder graphGet(UUID tid, String path) {
    return get(urlPathEqualTo("/v1.0" + path))
        .withHeader("Authorization", equalTo("Bearer token-" + tid));
  }

  /** A Graph user as {@code /users/delta} lists it. */
  public static Map<String, Object> user(
      UUID oid, String given, String surname, String upn, boolean enabled) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("id", oid.toString());
    u.put("givenName", given);
    u.put("surname", surname);
    u.put("mail", upn);
    u.put("userPrincipalName", upn);
    u.put("jobTitle", "Engineer");
    u.put("accountEnabled", enabled);
    return u;
  }

  public static Map<String, Object> removed(UUID oid) {
    return Map.of("id", oid.toString(), "@removed", Map.of("reason", "deleted"));
  }

  /** A delta page: its users and either a next link token or a delta link token. */
  public static String page(
      List<Map<String, Object>> users, @Nullable String skipToken, @Nullable String deltaToken) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users");
    if (skipToken != null) {
      body.put("@odata.nextLink", graphUrl() + "/users/delta?$skiptoken=" + skipToken);
    }
    if (deltaToken != null) {
      body.put("@odata.deltaLink", graphUrl() + "/users/delta?$deltatoken=" + deltaToken);
    }
    body.put("value", new ArrayList<>(users));
    return JSON.writeValueAsString(body);
  }

  /** Stubs the first page of a full sync (no skip or delta token). */
  public static void firstPage(UUID tid, String body) {
    server()
        .stubFor(
            graphGet(tid, "/users/delta")
                .withQueryParam("$skiptoken", absent())
                .withQueryParam("$deltatoken", absent())
                .willReturn(okJson(body)));
  }

  public static void skipPage(UUID tid, String token, String body) {
    server()
        .stubFor(
            graphGet(tid, "/users/delta")
                .withQueryParam("$skiptoken", equalTo(token))
                .willReturn(okJson(body)));
  }

  public static void deltaPage(UUID tid, String token, String body) {
    server()
        .stubFor(
            graphGet(tid, "/users/delta")
                .withQueryParam("$deltatoken", equalTo(token))
                .willReturn(okJson(body)));
  }
}
