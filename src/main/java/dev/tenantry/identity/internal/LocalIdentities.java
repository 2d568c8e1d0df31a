package dev.tenantry.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How the local provider (development only) names identities, shared with the demo data so that the
 * demo users sign in: a user name typed at its login page, or given to {@code ./tenantry token
 * <name>}, becomes {@code oid = UUID.nameUUIDFromBytes(name)}; an app-only token of {@code
 * ./tenantry token <name> --app} has that same id as its application id ({@code azp}). Holds no
 * reference to the provider itself, so that the production build (which leaves the provider out)
 * still has it.
 */
final class LocalIdentities {
  /** Form parameters of the token request of {@code ./tenantry token} (client credentials). */
  static final String USER_PARAMETER = "tenantry_user";

  static final String APP_PARAMETER = "tenantry_app";

  /** The application that "calls" the API in the delegated tokens of {@code ./tenantry token}. */
  static final UUID CLI_APP = oidFor("tenantry-cli");

  /** The demo integration user created with the demo data (an app-only caller). */
  static final String DEMO_APP = "automation";

  private LocalIdentities() {}

  static UUID oidFor(String username) {
    return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8));
  }
}
