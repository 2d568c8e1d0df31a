package dev.tenantry.authz;

/**
 * How the role editor groups a permission: seeing things, everyday work, or powerful/rare
 * operations.
 */
public enum PermissionCategory {
  VIEW,
  CORE,
  ADVANCED
}
