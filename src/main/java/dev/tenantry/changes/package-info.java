/**
 * Change requests (DESIGN §8): a proposed change (a deployment create/edit/delete, a script edit)
 * waits for someone else's approval, judged by the approver's own rights, and is applied atomically
 * when approved. The root package is the public API; {@code internal} and {@code web} are private.
 */
@NullMarked
package dev.tenantry.changes;

import org.jspecify.annotations.NullMarked;
