package dev.tenantry.directory;

import java.util.UUID;

/**
 * Published (as a Spring application event) when a computer has been created, inside the creating
 * transaction and after its audit event: listeners that react to a new computer (onboarding) join
 * that transaction, so the computer and what follows from it commit or roll back together.
 */
public record ComputerCreated(UUID computerId, UUID tenantId) {}
