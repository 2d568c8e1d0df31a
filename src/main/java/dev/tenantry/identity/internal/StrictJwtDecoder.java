package dev.tenantry.identity.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies a JWT against the one configured JWKS URL: RS256 only (so {@code none} and HMAC
 * confusion fail), and a token naming another key source in its header ({@code jku}, {@code x5u},
 * {@code jwk}, {@code x5c}) is refused outright rather than ignored. An unknown {@code kid} fails
 * key selection (Nimbus refetches the set at most once per its rate limit). Lifetime allows 60 s of
 * clock skew; {@code claims} adds the Entra rules.
 */
final class StrictJwtDecoder implements JwtDecoder {
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
  private final NimbusJwtDecoder verifier;

  StrictJwtDecoder(String jwksUri, OAuth2TokenValidator<Jwt> claims) {
    this.verifier =
        NimbusJwtDecoder.withJwkSetUri(jwksUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
    verifier.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW), claims));
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    JWSHeader header;
    try {
      header = SignedJWT.parse(token).getHeader();
    } catch (ParseException | RuntimeException e) {
      throw new BadJwtException("not a signed JWT");
    }
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      throw new BadJwtException("algorithm " + header.getAlgorithm() + " is not accepted");
    }
    if (header.getJWKURL() != null
        || header.getX509CertURL() != null
        || header.getJWK() != null
        || header.getX509CertChain() != null) {
      throw new BadJwtException("tokens naming their own key source (jku/x5u/jwk/x5c) are refused");
    }
    if (header.getKeyID() == null) {
      throw new BadJwtException("the token has no kid");
    }
    return verifier.decode(token);
  }
}
