/**
 * Deployments (DESIGN §8): the desired state of a software or maintenance task for a target
 * (computer, person, tenant ± children, tenant tag, cross-tenant), judged by reach, resolved to
 * computers in SQL, with precedence when several reach one computer. The root package is the public
 * API; {@code internal} and {@code web} are private.
 */
@NullMarked
package dev.tenantry.deployments;

import org.jspecify.annotations.NullMarked;
