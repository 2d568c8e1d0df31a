package dev.tenantry.directory;

import java.util.Optional;
import java.util.UUID;

/**
 * The people of the directory, for other features. No access check is made here: callers decide
 * what their own caller may see.
 */
public interface People {
  Optional<Person> find(UUID id);
}
