/**
 * Maintenance (DESIGN §8): schedules (fired once per cluster by db-scheduler), maintenance windows
 * and maintenance sessions (one run on one computer, claimed by executors with a lease). The root
 * package is the public API; {@code internal} and {@code web} are private.
 */
@NullMarked
package dev.tenantry.maintenance;

import org.jspecify.annotations.NullMarked;
