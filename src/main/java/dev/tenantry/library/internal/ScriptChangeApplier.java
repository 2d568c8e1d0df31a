package dev.tenantry.library.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.changes.ChangeApplier;
import dev.tenantry.changes.ProposedChange;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies approved {@code script.edit} change requests: the approver must be able to make the edit
 * themselves (see the script, manage it over its old and new owner, publish when it goes wide, and
 * pass the terminal preference); the edit is then the usual script update, made by the approver,
 * whose {@code script.updated} event names the request, its author and its approver. A script
 * edited since the request answers 412 (the request then needs attention).
 */
@Component
class ScriptChangeApplier implements ChangeApplier {
  private final ScriptRepository scripts;
  private final ScriptService service;
  private final LibraryAccess access;
  private final JsonMapper json;

  ScriptChangeApplier(
      ScriptRepository scripts, ScriptService service, LibraryAccess access, JsonMapper json) {
    this.scripts = scripts;
    this.service = service;
    this.access = access;
    this.json = json;
  }

  @Override
  public boolean handles(String kind) {
    return ScriptEditRequests.KIND.equals(kind);
  }

  @Override
  public void checkApprover(Actor approver, ProposedChange change) {
    UUID id = Objects.requireNonNull(change.subjectId(), "subjectId");
    ScriptRow s = scripts.find(id).orElseThrow(() -> ApiException.notFound("script", id));
    access.requireVisible(LibraryKind.SCRIPT, s.ownership(), id);
    ScriptCommands.Save c = save(change.after(), json);
    access.forChange(
        LibraryKind.SCRIPT, s.ownership(), c.ownerTenantId(), c.global(), c.visibleToAllTenants());
    access.requireTerminalGate(
        Permission.SCRIPTS_MANAGE, s.ownership().target(), access.mspOf(s.ownership()));
  }

  @Override
  public @Nullable UUID apply(
      Actor author, Actor approver, UUID changeRequestId, ProposedChange change) {
    UUID id = Objects.requireNonNull(change.subjectId(), "subjectId");
    if (change.subjectVersion() == null) {
      throw ApiException.invalid("subjectVersion: a script edit names the version it edits");
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("changeRequestId", changeRequestId.toString());
    provenance.put("authorUserId", String.valueOf(author.userId()));
    provenance.put("approverUserId", String.valueOf(approver.userId()));
    service.update(id, change.subjectVersion(), save(change.after(), json), provenance);
    return id;
  }

  /** The proposal as a script edit, checked as the API checks a sent script (400 otherwise). */
  static ScriptCommands.Save save(JsonNode after, JsonMapper json) {
    if (!after.isObject()) {
      throw ApiException.invalid("after: a script edit is a JSON object");
    }
    ObjectNode edit = ((ObjectNode) after).deepCopy();
    edit.remove("mspId");
    ScriptCommands.Save c;
    try {
      c = json.treeToValue(edit, ScriptCommands.Save.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw ApiException.invalid("after: not a script edit (name, language, body, parameters, …)");
    }
    String name = c.name() == null ? "" : c.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw ApiException.invalid("name: 1 to 200 characters");
    }
    if (c.body() == null || c.body().length() > 1_000_000) {
      throw ApiException.invalid("body: at most 1,000,000 characters");
    }
    if (c.language() == null || !ScriptService.LANGUAGES.contains(c.language())) {
      throw ApiException.invalid("language: one of " + ScriptService.LANGUAGES);
    }
    String description = c.description() == null ? "" : c.description();
    String category = c.category() == null ? "" : c.category().strip();
    String note = c.note() == null ? "" : c.note();
    if (description.length() > 4000 || category.length() > 100 || note.length() > 500) {
      throw ApiException.invalid("description ≤ 4000, category ≤ 100, note ≤ 500 characters");
    }
    List<ScriptParameter> params = c.parameters() == null ? List.of() : c.parameters();
    for (ScriptParameter p : params) {
      if (p.secret() && p.defaultValue() != null) {
        throw ApiException.invalid(
            "parameters: the value of secret parameter '"
                + p.name()
                + "' cannot go through a change request; ask someone who may edit the script");
      }
    }
    return new ScriptCommands.Save(
        name,
        description,
        category,
        c.language(),
        c.body(),
        params,
        c.ownerTenantId(),
        c.global(),
        c.visibleToAllTenants(),
        note);
  }
}
