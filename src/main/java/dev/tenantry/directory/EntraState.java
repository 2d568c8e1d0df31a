package dev.tenantry.directory;

/**
 * What Entra ID last said of a synced person (DESIGN §9), written by directory sync only: {@code
 * ACTIVE}, {@code DISABLED} (account disabled in Entra) or {@code REMOVED} (gone from the
 * directory). A person entered by hand stays {@code ACTIVE}. Only an active person's user may act.
 */
public enum EntraState {
  ACTIVE,
  DISABLED,
  REMOVED
}
