package dev.tenantry.directory;

/** Where a person comes from: synced from Entra ID, or entered by hand. */
public enum PersonSource {
  AZURE,
  MANUAL
}
