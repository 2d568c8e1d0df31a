package dev.tenantry.identity.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The Entra ID v2 rules on top of signature and lifetime: {@code ver} 2.0, {@code tid} a GUID of a
 * trusted tenant (never the consumer tenant), {@code iss} exactly {@code <authority>/<tid>/v2.0},
 * the expected audience, {@code oid} a GUID. For access tokens ({@link Kind#ACCESS}) also: a
 * delegated token carries {@code scp}; an app-only token carries {@code roles}, no {@code scp}, and
 * the calling app in {@code azp}; an ID token (no {@code scp}, no app identity, or a {@code nonce})
 * is refused as an access token.
 */
final class EntraClaimsValidator implements OAuth2TokenValidator<Jwt> {
  enum Kind {
    ACCESS,
    ID
  }

  private final OidcProperties props;
  private final TrustedTenants tenants;
  private final Kind kind;
  private final List<String> audiences;

  EntraClaimsValidator(OidcProperties props, TrustedTenants tenants, Kind kind) {
    this.props = props;
    this.tenants = tenants;
    this.kind = kind;
    this.audiences = kind == Kind.ACCESS ? props.audiences() : List.of(props.clientId());
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt jwt) {
    String problem = problem(jwt);
    return problem == null
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", problem, null));
  }

  private @Nullable String problem(Jwt jwt) {
    if (!"2.0".equals(jwt.getClaimAsString("ver"))) {
      return "not an Entra ID v2.0 token (ver must be 2.0)";
    }
    UUID tid = guid(jwt.getClaimAsString("tid"));
    if (tid == null) {
      return "tid is not a GUID";
    }
    if (tid.equals(OidcProperties.CONSUMER_TENANT)) {
      return "personal Microsoft accounts are not accepted";
    }
    if (jwt.getIssuer() == null || !props.issuerFor(tid).equals(jwt.getIssuer().toString())) {
      return "iss does not match the token's tid";
    }
    if (jwt.getAudience() == null || jwt.getAudience().stream().noneMatch(audiences::contains)) {
      return "wrong audience";
    }
    if (guid(jwt.getClaimAsString("oid")) == null) {
      return "oid is not a GUID";
    }
    if (kind == Kind.ACCESS) {
      String shape = accessTokenShape(jwt);
      if (shape != null) {
        return shape;
      }
    }
    if (!tenants.trusts(tid)) {
      return "tenant " + tid + " is not linked to this instance";
    }
    return null;
  }

  private static @Nullable String accessTokenShape(Jwt jwt) {
    if (jwt.hasClaim("nonce")) {
      return "an ID token is not an access token";
    }
    String scp = jwt.getClaimAsString("scp");
    if (scp != null && !scp.isBlank()) {
      return null;
    }
    List<String> roles = jwt.getClaimAsStringList("roles");
    boolean appOnly = roles != null && !roles.isEmpty() && guid(appId(jwt)) != null;
    return appOnly
        ? null
        : "an ID token is not an access token (no scp, and not an app-only token)";
  }

  /** The calling application of an app-only token ({@code azp} in v2, {@code appid} in v1). */
  static @Nullable String appId(Jwt jwt) {
    String azp = jwt.getClaimAsString("azp");
    return azp != null ? azp : jwt.getClaimAsString("appid");
  }

  static @Nullable UUID guid(@Nullable String s) {
    if (s == null || s.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
