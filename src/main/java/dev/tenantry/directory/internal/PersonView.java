package dev.tenantry.directory.internal;

import dev.tenantry.directory.Person;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person with its tags and, when the person may sign in, its user id. Also the audit snapshot.
 */
public record PersonView(Person person, List<TagRef> tags, @Nullable UUID userId) {}
