/**
 * The library (DESIGN §7): software and versions, scripts and versions, maintenance tasks, media
 * and licenses, owned by a tenant or global; files stored as chunks in PostgreSQL; script runs on
 * computers claimed by executors. The root package is the public API; {@code internal} and {@code
 * web} are private.
 */
@NullMarked
package dev.tenantry.library;

import org.jspecify.annotations.NullMarked;
