package dev.tenantry.directory;

import dev.tenantry.authz.ComputerType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A managed device of one tenant. */
public record Computer(
    UUID id,
    UUID tenantId,
    String name,
    ComputerType type,
    @Nullable UUID primaryPersonId,
    String os,
    String serial,
    long version) {}
