package dev.tenantry.authz;

/**
 * The kind of a managed computer; {@link ResourceSelector.ComputerTypes} selects computers by it.
 */
public enum ComputerType {
  WORKSTATION,
  PORTABLE,
  SERVER,
  DOMAIN_CONTROLLER
}
