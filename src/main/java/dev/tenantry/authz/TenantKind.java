package dev.tenantry.authz;

/** An MSP tenant (its own {@code msp_id}) or a client tenant belonging to an MSP. */
public enum TenantKind {
  MSP,
  CLIENT
}
