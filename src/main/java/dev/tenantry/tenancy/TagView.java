package dev.tenantry.tenancy;

import java.util.UUID;

/** A label shared by tenants, computers and people. */
public record TagView(UUID id, String name, String color, String description, long version) {}
