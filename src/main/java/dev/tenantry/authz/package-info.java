/**
 * Public API of authorization: the permission catalogue, scopes, targets, decisions and the
 * built-in roles.
 *
 * <p>Pure Java: this package and {@code engine} depend only on the JDK and JSpecify (checked by
 * {@code EngineIsPureJavaTest}).
 */
@NullMarked
package dev.tenantry.authz;

import org.jspecify.annotations.NullMarked;
