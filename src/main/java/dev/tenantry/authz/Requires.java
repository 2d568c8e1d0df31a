package dev.tenantry.authz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what an API operation needs (STYLE: "every controller method declares its permission").
 * It documents the check the feature's access class actually makes — it does not make the check
 * itself. {@code ApiContractTest} fails when a handler lacks it, generates {@code
 * docs/api-permissions.md} from it, and {@code AuthorizationMatrixTest} turns it into expected
 * answers for every principal.
 *
 * <p>{@code value} lists the permissions the operation needs on the target named by {@link #on()}
 * (all of them, unless {@link #note()} says otherwise). An empty list means "no permission": any
 * signed-in user ({@link On#SELF}, {@link On#LIST}), any signed-in identity ({@link
 * On#SIGNED_IN_IDENTITY}) or anyone ({@link On#PUBLIC}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
  Permission[] value() default {};

  On on();

  String note() default "";

  /** What the permissions are checked against. */
  enum On {
    /** The whole instance (system permissions, or a permission at OWNER). */
    SYSTEM,
    /** A tenant named in the path or the body; invisible tenants answer 404. */
    TENANT,
    /** One computer (tenant, computer-tag and computer-type scopes all count). */
    COMPUTER,
    /** A person, through the tenant the person belongs to. */
    PERSON,
    /** A user, through the tenant of the user's person. */
    USER,
    /** A role: public ones need system rights, tenant-owned ones rights on the owner. */
    ROLE,
    /** A group: instance-wide ones are global objects, tenant-owned ones belong to their owner. */
    GROUP,
    /** A role assignment, through its principal's tenant, with anti-escalation (DESIGN §3.6). */
    ASSIGNMENT,
    /** Audit events, filtered per tenant. */
    AUDIT,
    /**
     * A list filtered to what the caller may view with the permission (empty, never 403, when
     * nothing).
     */
    LIST,
    /** Any signed-in user about themselves. */
    SELF,
    /** Any signed-in Entra identity, even one without a Tenantry user. */
    SIGNED_IN_IDENTITY,
    /** No sign-in needed. */
    PUBLIC
  }
}
