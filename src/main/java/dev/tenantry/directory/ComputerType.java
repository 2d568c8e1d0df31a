package dev.tenantry.directory;

public enum ComputerType {
  WORKSTATION,
  PORTABLE,
  SERVER,
  DOMAIN_CONTROLLER
}
