/**
 * Entra directory sync (DESIGN §9): people from Microsoft Graph {@code /users/delta} per linked
 * tenant, hourly once per cluster and on demand, and the import of client tenants from GDAP
 * customers or a CSV. The root is the public API; {@code internal} and {@code web} are private.
 */
@NullMarked
package dev.tenantry.sync;

import org.jspecify.annotations.NullMarked;
