package dev.tenantry.directory;

import java.util.Optional;
import java.util.UUID;

/**
 * The computers of the directory, for other features. No access check is made here: callers decide
 * what their own caller may see.
 */
public interface Computers {
  Optional<Computer> find(UUID id);
}
