package dev.tenantry.tenancy;

/** An MSP (managed service provider) tenant, or a client tenant it manages. */
public enum TenantKind {
  MSP,
  CLIENT
}
