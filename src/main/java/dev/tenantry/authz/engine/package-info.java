/**
 * The pure evaluator: an immutable {@link dev.tenantry.authz.engine.PolicySnapshot} and the
 * stateless {@link dev.tenantry.authz.engine.Engine} deciding DESIGN §3 over it. No Spring, no SQL,
 * no I/O.
 */
@NullMarked
package dev.tenantry.authz.engine;

import org.jspecify.annotations.NullMarked;
