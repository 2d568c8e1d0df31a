package dev.tenantry.library.web;

import dev.tenantry.library.internal.ScriptCommands;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A script as sent to create or edit it. Omitting {@code ownerTenantId} (and {@code global}) makes
 * it owned by the caller's own tenant (or keeps its owner on edit).
 */
record ScriptRequest(
    @NotBlank @Size(max = 200) String name,
    @Nullable @Size(max = 4000) String description,
    @Nullable @Size(max = 100) String category,
    @NotBlank String language,
    @NotNull @Size(max = 1_000_000) String body,
    @Nullable List<ParameterInput> parameters,
    @Nullable UUID ownerTenantId,
    @Nullable Boolean global,
    @Nullable Boolean visibleToAllTenants,
    @Nullable @Size(max = 500) String note,
    @Nullable Long version) {

  ScriptCommands.Save command() {
    return new ScriptCommands.Save(
        name.strip(),
        description == null ? "" : description,
        category == null ? "" : category.strip(),
        language.strip().toUpperCase(),
        body,
        ParameterInput.all(parameters),
        ownerTenantId,
        Boolean.TRUE.equals(global),
        Boolean.TRUE.equals(visibleToAllTenants),
        note == null ? "" : note);
  }
}
