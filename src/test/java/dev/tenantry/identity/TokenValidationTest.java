package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.support.Http;
import dev.tenantry.support.TestOidc;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every forged or foreign token is refused with 401 and an auth.sign-in-failed audit event. */
class TokenValidationTest extends IdentityTestSupport {
  static final UUID OID = UUID.randomUUID();

  @Test
  void aWellFormedHomeTokenIsAccepted() {
    var r = as(HOME_TID, OID, "ok@example.com").get("/api/v1/auth/me");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("oid").asString()).isEqualTo(OID.toString());
    assertThat(r.json().has("userId")).isFalse();
  }

  @Test
  void aBadSignatureIsRejected() {
    String t = valid();
    String[] parts = t.split("\\.");
    byte[] sig = Base64URL.from(parts[2]).decode();
    sig[10] ^= 0x5a;
    assertRejected(
        parts[0] + "." + parts[1] + "." + Base64URL.encode(sig),
        "",
        "the token's signature does not verify");
  }

  @Test
  void algNoneIsRejected() {
    String plain = new PlainJWT(claimsSet(base())).serialize();
    assertRejected(plain, "");
  }

  @Test
  void hs256SignedWithThePublicKeyIsRejected() throws Exception {
    byte[] secret = TestOidc.homeKey().toPublicJWK().toRSAPublicKey().getEncoded();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestOidc.homeKey().getKeyID()).build(),
            claimsSet(base()));
    jwt.sign(new MACSigner(secret));
    assertRejected(jwt.serialize(), "HS256");
  }

  @Test
  void anUnknownKidIsRejected() {
    assertRejected(
        TestOidc.sign(header().keyID("no-such-key").build(), base(), TestOidc.homeKey()), "");
  }

  @Test
  void aJkuHeaderPointingToAnAttackersKeysIsRejected() throws Exception {
    RSAKey attacker = new RSAKeyGenerator(2048).keyID(TestOidc.homeKey().getKeyID()).generate();
    var evil = new no.nav.security.mock.oauth2.MockOAuth2Server();
    evil.start();
    try {
      URI jwks = evil.jwksUrl("evil").uri();
      assertRejected(TestOidc.sign(header().jwkURL(jwks).build(), base(), attacker), "jku");
      assertRejected(TestOidc.sign(header().x509CertURL(jwks).build(), base(), attacker), "x5u");
      assertRejected(
          TestOidc.sign(header().jwk(attacker.toPublicJWK()).build(), base(), attacker), "jwk");
    } finally {
      evil.shutdown();
    }
  }

  @Test
  void anExpiredTokenIsRejected() {
    long past = Instant.now().minusSeconds(3600).getEpochSecond();
    assertRejected(
        with(
            c -> {
              c.put("exp", past);
              c.put("nbf", past - 60);
              c.put("iat", past - 60);
            }),
        "expired",
        "the token has expired");
  }

  @Test
  void aTokenNotYetValidIsRejected() {
    long future = Instant.now().plusSeconds(600).getEpochSecond();
    assertRejected(with(c -> c.put("nbf", future)), "");
  }

  @Test
  void aWrongAudienceIsRejected() {
    assertRejected(
        with(c -> c.put("aud", "api://someone-else")),
        "audience",
        "the token is meant for another audience");
  }

  @Test
  void anIssuerNotMatchingTidIsRejected() {
    UUID linked = linkedTid();
    assertRejected(with(c -> c.put("iss", TestOidc.issuer(linked))), "iss");
  }

  @Test
  void aTidThatIsNotAGuidIsRejected() {
    assertRejected(
        with(
            c -> {
              c.put("tid", "common");
              c.put("iss", TestOidc.authority() + "/common/v2.0");
            }),
        "GUID");
  }

  @Test
  void aTenantNotLinkedToAnyTenantIsRejected() {
    UUID stranger = UUID.randomUUID();
    Http.Response r =
        assertRejected(
            TestOidc.token(stranger, OID, "x@stranger.example"),
            "not linked",
            "the token was not accepted");
    assertThat(r.raw() + r.header("WWW-Authenticate"))
        .as("the caller never learns which directories are linked")
        .doesNotContain(stranger.toString())
        .doesNotContainIgnoringCase("linked");
  }

  @Test
  void aNewlyLinkedTenantIsAcceptedAtOnce() {
    UUID tid = UUID.randomUUID();
    assertRejected(TestOidc.token(tid, OID, "x@new.example"), "not linked");
    tenant(tid);
    assertThat(
            anonymous()
                .as(TestOidc.token(tid, OID, "x@new.example"))
                .get("/api/v1/auth/me")
                .status())
        .isEqualTo(200);
  }

  @Test
  void theConsumerTenantIsAlwaysRejected() {
    UUID consumers = UUID.fromString("9188040d-6c67-4c5b-b112-36a304b66dad");
    tenant(consumers);
    assertRejected(TestOidc.token(consumers, OID, "me@outlook.com"), "personal");
  }

  @Test
  void aV1TokenIsRejected() {
    assertRejected(
        with(
            c -> {
              c.put("ver", "1.0");
              c.put("iss", "https://sts.windows.net/" + HOME_TID + "/");
            }),
        "ver");
  }

  @Test
  void anIdTokenPresentedAsAnAccessTokenIsRejected() {
    assertRejected(
        with(
            c -> {
              c.remove("scp");
              c.remove("azp");
              c.put("aud", TestOidc.CLIENT_ID);
              c.put("nonce", "n-1");
            }),
        "ID token");
    assertRejected(
        with(
            c -> {
              c.remove("scp");
              c.remove("azp");
              c.put("roles", java.util.List.of("Admin"));
            }),
        "ID token");
  }

  @Test
  void aKnownUsersEmailAndNameWithAnotherOidTakeNoAccount() {
    Person victim = user("victim");
    String email = victim.id() + "@example.com";
    var r =
        anonymous()
            .as(
                TestOidc.token(
                    HOME_TID, UUID.randomUUID(), email, Map.of("name", "victim", "email", email)))
            .get("/api/v1/auth/me");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().has("userId")).as("found by (tid, oid) only").isFalse();
    assertThat(as(victim).get("/api/v1/auth/me").json().path("userId").asString())
        .isEqualTo(victim.userId().toString());
  }

  @Test
  void anAppOnlyTokenIdentifiesAnIntegrationUserByAppId() {
    Person admin = admin("integrator");
    UUID app = UUID.randomUUID();
    var created =
        as(admin)
            .post(
                "/api/v1/users/integrations",
                Map.of("tenantId", tenant(null), "name", "PSA sync", "appId", app.toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var me = anonymous().as(TestOidc.appToken(HOME_TID, app)).get("/api/v1/auth/me");
    assertThat(me.json().path("userId").asString()).isEqualTo(created.json().path("id").asString());
  }

  private Http.Response assertRejected(String token, String reasonFragment) {
    long seq = lastSeq();
    Http.Response r = anonymous().as(token).get("/api/v1/auth/me");
    assertThat(r.status()).as(r.toString()).isEqualTo(401);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    assertThat(signInFailuresSince(seq))
        .as("audited with the reason")
        .hasSize(1)
        .allSatisfy(j -> assertThat(j).containsIgnoringCase(reasonFragment));
    return r;
  }

  /** Also: the caller is told the short, safe reason, in the challenge and in the problem. */
  private Http.Response assertRejected(String token, String reasonFragment, String told) {
    Http.Response r = assertRejected(token, reasonFragment);
    assertThat(r.header("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + told + "\"");
    assertThat(r.json().path("detail").asString()).endsWith(told);
    return r;
  }

  private UUID linkedTid() {
    UUID tid = UUID.randomUUID();
    tenant(tid);
    return tid;
  }

  private static Map<String, Object> base() {
    return TestOidc.claims(HOME_TID, OID, "forger@example.com");
  }

  private static String valid() {
    return TestOidc.sign(base());
  }

  private static String with(Consumer<Map<String, Object>> change) {
    Map<String, Object> c = base();
    change.accept(c);
    return TestOidc.sign(c);
  }

  private static JWSHeader.Builder header() {
    return new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(TestOidc.homeKey().getKeyID())
        .type(JOSEObjectType.JWT);
  }

  private static JWTClaimsSet claimsSet(Map<String, Object> claims) {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
    claims.forEach(b::claim);
    return b.build();
  }
}
