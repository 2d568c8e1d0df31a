package dev.tenantry.authz;

/** Whether a role assignment grants or denies its role's permissions. Deny wins (DESIGN §3.4). */
public enum Effect {
  ALLOW,
  DENY
}
