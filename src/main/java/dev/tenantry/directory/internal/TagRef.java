package dev.tenantry.directory.internal;

import java.util.UUID;

/** A tag as shown on a person or computer. */
public record TagRef(UUID id, String name, String color) {}
